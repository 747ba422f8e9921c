;; Reproducer of a divergence found by wasmconform fuzz.
;; signature: reference vs wasmtime | instantiate | trap kind trap(null reference) vs trap(out of bounds array access)
;; seed 31, case 70273; first difference at step 1, instantiate
;;   trap: reference null array reference / wasmtime out of bounds array access
;; The assertions state what reference did; wasmtime does otherwise at the last step.
;; The env module below stands in for the fuzzer's host imports (env.exit, env.log_*).

(module $env
  (global $count (export "trace_count") (mut i32) (i32.const 0))
  (global $hash (export "trace_hash") (mut i64) (i64.const 0xcbf29ce484222325))
  (global $exit (export "exit_code") (mut i32) (i32.const -1))
  (func $mix (param $tag i64) (param $bits i64)
    (global.set $count (i32.add (global.get $count) (i32.const 1)))
    (global.set $hash (i64.mul (i64.xor (global.get $hash) (local.get $tag)) (i64.const 0x100000001b3)))
    (global.set $hash (i64.mul (i64.xor (global.get $hash) (local.get $bits)) (i64.const 0x100000001b3))))
  (func (export "log_i32") (param i32) (call $mix (i64.const 1) (i64.extend_i32_u (local.get 0))))
  (func (export "log_i64") (param i64) (call $mix (i64.const 2) (local.get 0)))
  (func (export "log_f32") (param f32) (call $mix (i64.const 3) (i64.extend_i32_u (i32.reinterpret_f32 (local.get 0)))))
  (func (export "log_f64") (param f64) (call $mix (i64.const 4) (i64.reinterpret_f64 (local.get 0))))
  (func (export "exit") (param i32) (global.set $exit (local.get 0)) (unreachable)))
(register "env" $env)
;; the diverging step
(assert_trap (module binary
  "\00\61\73\6d\01\00\00\00\01\07\02\5e\78\01\60\00\00\03\02\01\01\08\01\00\0a\16\01\14\00\fb\08\00"
  "\00\41\80\c0\00\d0\71\41\00\41\00\fb\11\00\00\0b")
  "null array reference")
;; the state after it
(assert_return (get $env "trace_count") (i32.const 0))
(assert_return (get $env "trace_hash") (i64.const -3750763034362895579))
