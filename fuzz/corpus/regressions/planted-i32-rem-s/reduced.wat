(module
  (type (;0;) (func (param i32)))
  (type (;1;) (func (param structref)))
  (import "env" "log_i32" (func (;0;) (type 0)))
  (func (;1;) (type 1) (param structref)
    (call 0 (i32.rem_s (i32.const 0) (i32.const -846992512))))
  (export "f0" (func 1)))
