(module
  (type (;0;) (array (mut i8)))
  (type (;1;) (func))
  (func (;0;) (type 1)
    (array.copy 0 0
      (array.new_fixed 0 0)
      (i32.const 8192)
      (ref.null none)
      (i32.const 0)
      (i32.const 0)))
  (start 0))
