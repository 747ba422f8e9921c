;; SIMD kernel of the project's benchmarks: integer and float lane arithmetic over two
;; 16 KiB buffers, written once with v128 instructions (run_simd) and once with scalar
;; instructions (run_scalar) that compute the same lanes; `make bench` checks that both give
;; the same checksum and times the vector one.
(module
  (memory 1)
  (global $seed (mut i32) (i32.const 12345))

  ;; a: bytes 0..16383, b: bytes 16384..32767, as i32 words.
  (func $fill
    (local $i i32)
    (loop $l
      (global.set $seed (i32.add (i32.mul (global.get $seed) (i32.const 1103515245)) (i32.const 12345)))
      (i32.store (local.get $i) (i32.shr_u (global.get $seed) (i32.const 8)))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 32768)))))

  ;; Per pass, for each 16-byte chunk i: acc += a*b (i32x4), facc ^= bits(f32(a) * 0.5),
  ;; sat = i8x16.add_sat_u(sat, a), mn = i16x8.min_s(mn, b).
  (func (export "run_simd") (param $n i32) (result i32)
    (local $i i32) (local $acc v128) (local $facc v128) (local $sat v128) (local $mn v128) (local $a v128) (local $b v128)
    (call $fill)
    (local.set $mn (v128.const i16x8 32767 32767 32767 32767 32767 32767 32767 32767))
    (block $done
      (loop $pass
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $i (i32.const 0))
        (loop $chunk
          (local.set $a (v128.load (local.get $i)))
          (local.set $b (v128.load offset=16384 (local.get $i)))
          (local.set $acc (i32x4.add (local.get $acc) (i32x4.mul (local.get $a) (local.get $b))))
          (local.set $facc (v128.xor (local.get $facc)
            (f32x4.mul (f32x4.convert_i32x4_s (local.get $a)) (v128.const f32x4 0.5 0.5 0.5 0.5))))
          (local.set $sat (i8x16.add_sat_u (local.get $sat) (local.get $a)))
          (local.set $mn (i16x8.min_s (local.get $mn) (local.get $b)))
          (local.set $i (i32.add (local.get $i) (i32.const 16)))
          (br_if $chunk (i32.lt_u (local.get $i) (i32.const 16384))))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $pass)))
    ;; checksum: xor of every i32 lane of the four accumulators
    (i32.xor
      (i32.xor
        (i32.xor (i32x4.extract_lane 0 (local.get $acc)) (i32x4.extract_lane 1 (local.get $acc)))
        (i32.xor (i32x4.extract_lane 2 (local.get $acc)) (i32x4.extract_lane 3 (local.get $acc))))
      (i32.xor
        (i32.xor
          (i32.xor (i32x4.extract_lane 0 (local.get $facc)) (i32x4.extract_lane 1 (local.get $facc)))
          (i32.xor (i32x4.extract_lane 2 (local.get $facc)) (i32x4.extract_lane 3 (local.get $facc))))
        (i32.xor
          (i32.xor
            (i32.xor (i32x4.extract_lane 0 (local.get $sat)) (i32x4.extract_lane 1 (local.get $sat)))
            (i32.xor (i32x4.extract_lane 2 (local.get $sat)) (i32x4.extract_lane 3 (local.get $sat))))
          (i32.xor
            (i32.xor (i32x4.extract_lane 0 (local.get $mn)) (i32x4.extract_lane 1 (local.get $mn)))
            (i32.xor (i32x4.extract_lane 2 (local.get $mn)) (i32x4.extract_lane 3 (local.get $mn))))))))

  ;; The same lanes, one at a time; the accumulators live in memory at 32768 (acc), 32784 (facc),
  ;; 32800 (sat), 32816 (mn) so the checksum folds the same 16-byte values.
  (func (export "run_scalar") (param $n i32) (result i32)
    (local $i i32) (local $k i32) (local $x i32) (local $y i32) (local $s i32)
    (call $fill)
    (local.set $k (i32.const 0))
    (loop $init
      (i32.store16 (i32.add (i32.const 32816) (local.get $k)) (i32.const 32767))
      (local.set $k (i32.add (local.get $k) (i32.const 2)))
      (br_if $init (i32.lt_u (local.get $k) (i32.const 16))))
    (block $done
      (loop $pass
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $i (i32.const 0))
        (loop $chunk
          ;; four i32 lanes: acc and facc
          (local.set $k (i32.const 0))
          (loop $lane32
            (local.set $x (i32.load (i32.add (local.get $i) (local.get $k))))
            (local.set $y (i32.load offset=16384 (i32.add (local.get $i) (local.get $k))))
            (i32.store offset=32768 (local.get $k)
              (i32.add (i32.load offset=32768 (local.get $k)) (i32.mul (local.get $x) (local.get $y))))
            (i32.store offset=32784 (local.get $k)
              (i32.xor (i32.load offset=32784 (local.get $k))
                (i32.reinterpret_f32 (f32.mul (f32.convert_i32_s (local.get $x)) (f32.const 0.5)))))
            (local.set $k (i32.add (local.get $k) (i32.const 4)))
            (br_if $lane32 (i32.lt_u (local.get $k) (i32.const 16))))
          ;; sixteen u8 lanes: saturating add
          (local.set $k (i32.const 0))
          (loop $lane8
            (local.set $s (i32.add (i32.load8_u offset=32800 (local.get $k)) (i32.load8_u (i32.add (local.get $i) (local.get $k)))))
            (i32.store8 offset=32800 (local.get $k) (select (i32.const 255) (local.get $s) (i32.gt_u (local.get $s) (i32.const 255))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br_if $lane8 (i32.lt_u (local.get $k) (i32.const 16))))
          ;; eight s16 lanes: minimum
          (local.set $k (i32.const 0))
          (loop $lane16
            (local.set $x (i32.load16_s offset=32816 (local.get $k)))
            (local.set $y (i32.load16_s offset=16384 (i32.add (local.get $i) (local.get $k))))
            (i32.store16 offset=32816 (local.get $k) (select (local.get $x) (local.get $y) (i32.lt_s (local.get $x) (local.get $y))))
            (local.set $k (i32.add (local.get $k) (i32.const 2)))
            (br_if $lane16 (i32.lt_u (local.get $k) (i32.const 16))))
          (local.set $i (i32.add (local.get $i) (i32.const 16)))
          (br_if $chunk (i32.lt_u (local.get $i) (i32.const 16384))))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $pass)))
    (local.set $s (i32.const 0))
    (local.set $k (i32.const 32768))
    (loop $fold
      (local.set $s (i32.xor (local.get $s) (i32.load (local.get $k))))
      (local.set $k (i32.add (local.get $k) (i32.const 4)))
      (br_if $fold (i32.lt_u (local.get $k) (i32.const 32832))))
    (local.get $s))
)
