;; Reproducer of a divergence found by wasmconform fuzz.
;; signature: reference vs planted | invoke | trace i32
;; seed 20240601, case 240; first difference at step 2, invoke f0 (ref.null struct)
;;   logged value 0: reference i32:0 / planted i32:1
;; The assertions state what reference did; planted does otherwise at the last step.
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
(module $case binary
  "\00\61\73\6d\01\00\00\00\01\09\02\60\01\7f\00\60\01\6b\00\02\0f\01\03\65\6e\76\07\6c\6f\67\5f\69"
  "\33\32\00\00\03\02\01\01\07\06\01\02\66\30\00\01\0a\0f\01\0d\00\41\00\41\80\d7\8f\ec\7c\6f\10\00"
  "\0b")
;; the diverging step
(assert_return (invoke $case "f0" (ref.null any)))
;; the state after it
(assert_return (get $env "trace_count") (i32.const 1))
(assert_return (get $env "trace_hash") (i64.const 589727492704079044))
