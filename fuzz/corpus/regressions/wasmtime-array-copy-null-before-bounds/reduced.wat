(module
  (type (;0;) (sub (array (mut i8))))
  (type (;1;) (func (param v128 f64 f64)))
  (func (;0;) (type 1) (param v128 f64 f64)
    (array.copy 0 0
      (array.new_fixed 0 0)
      (i32.const 1000)
      (ref.null none)
      (i32.const 0)
      (i32.const 0)))
  (export "f3" (func 0)))
