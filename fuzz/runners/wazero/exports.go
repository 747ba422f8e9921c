package main

import "errors"

const (
	kindFunc   = 0
	kindTable  = 1
	kindMemory = 2
	kindGlobal = 3
)

type export struct {
	name string
	kind byte
}

// readExports lists a module's exports from its export section (id 7). The binary has compiled,
// so it is well-formed; a truncated one is an error all the same.
func readExports(binary []byte) ([]export, error) {
	r := reader{data: binary, pos: 8}
	for r.pos < len(r.data) {
		id := r.byte()
		size := int(r.uleb())
		end := r.pos + size
		if r.err != nil || end > len(r.data) {
			return nil, errors.New("truncated module")
		}
		if id != 7 {
			r.pos = end
			continue
		}
		count := int(r.uleb())
		exports := make([]export, 0, count)
		for i := 0; i < count && r.err == nil; i++ {
			n := int(r.uleb())
			if r.pos+n > len(r.data) {
				return nil, errors.New("truncated export name")
			}
			name := string(r.data[r.pos : r.pos+n])
			r.pos += n
			kind := r.byte()
			r.uleb()
			exports = append(exports, export{name, kind})
		}
		return exports, r.err
	}
	return nil, nil
}

type reader struct {
	data []byte
	pos  int
	err  error
}

func (r *reader) byte() byte {
	if r.pos >= len(r.data) {
		r.err = errors.New("unexpected end")
		return 0
	}
	b := r.data[r.pos]
	r.pos++
	return b
}

func (r *reader) uleb() uint64 {
	var v uint64
	for shift := uint(0); shift < 64; shift += 7 {
		b := r.byte()
		v |= uint64(b&0x7f) << shift
		if b&0x80 == 0 {
			break
		}
	}
	return v
}
