package main

import (
	"context"

	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/sys"
)

// defineHost instantiates the host modules every instance may import: "env" (the fuzzer's exit
// and log functions) and "spectest" (the suite's). wazero's host modules export only functions,
// so spectest is a small wasm module that re-exports print functions from "spectest-print" beside
// its globals, table and memory.
func defineHost(s *session) error {
	env := s.runtime.NewHostModuleBuilder("env")
	env.NewFunctionBuilder().
		WithGoModuleFunction(api.GoModuleFunc(func(_ context.Context, _ api.Module, stack []uint64) {
			// The call ends here: wazero hands the ExitError back to the caller of the export.
			panic(sys.NewExitError(uint32(stack[0])))
		}), []api.ValueType{api.ValueTypeI32}, nil).
		Export("exit")
	for name, t := range map[string]api.ValueType{
		"log_i32": api.ValueTypeI32, "log_i64": api.ValueTypeI64,
		"log_f32": api.ValueTypeF32, "log_f64": api.ValueTypeF64,
	} {
		t := t
		env.NewFunctionBuilder().
			WithGoModuleFunction(api.GoModuleFunc(func(_ context.Context, _ api.Module, stack []uint64) {
				s.trace = append(s.trace, encodeValue(t, stack[0]))
			}), []api.ValueType{t}, nil).
			Export(name)
	}
	if _, err := env.Instantiate(s.ctx); err != nil {
		return err
	}

	print := s.runtime.NewHostModuleBuilder("spectest-print")
	for _, p := range spectestPrints {
		print.NewFunctionBuilder().
			WithGoModuleFunction(api.GoModuleFunc(func(context.Context, api.Module, []uint64) {}), p.params, nil).
			Export(p.name)
	}
	if _, err := print.Instantiate(s.ctx); err != nil {
		return err
	}
	_, err := s.runtime.InstantiateWithConfig(s.ctx, spectestModule(), wazeroModuleConfig("spectest"))
	return err
}

type printFunc struct {
	name   string
	params []api.ValueType
	code   []byte // the parameter types as wasm value type bytes
}

var spectestPrints = []printFunc{
	{"print", nil, nil},
	{"print_i32", []api.ValueType{api.ValueTypeI32}, []byte{0x7f}},
	{"print_i64", []api.ValueType{api.ValueTypeI64}, []byte{0x7e}},
	{"print_f32", []api.ValueType{api.ValueTypeF32}, []byte{0x7d}},
	{"print_f64", []api.ValueType{api.ValueTypeF64}, []byte{0x7c}},
	{"print_i32_f32", []api.ValueType{api.ValueTypeI32, api.ValueTypeF32}, []byte{0x7f, 0x7d}},
	{"print_f64_f64", []api.ValueType{api.ValueTypeF64, api.ValueTypeF64}, []byte{0x7c, 0x7c}},
}

// spectestModule encodes the spectest module: the print functions imported and re-exported,
// global_i32 = 666, global_i64 = 666, global_f32 = 666.6, global_f64 = 666.6, a 10..20 funcref
// table and a 1..2 page memory.
func spectestModule() []byte {
	var types, imports, exports [][]byte
	for i, p := range spectestPrints {
		types = append(types, cat([]byte{0x60}, vec([][]byte{p.code}, len(p.code)), []byte{0x00}))
		imports = append(imports, cat(name("spectest-print"), name(p.name), []byte{0x00}, uleb(uint64(i))))
		exports = append(exports, cat(name(p.name), []byte{0x00}, uleb(uint64(i))))
	}
	globals := [][]byte{
		cat([]byte{0x7f, 0x00, 0x41}, sleb(666), []byte{0x0b}),
		cat([]byte{0x7e, 0x00, 0x42}, sleb(666), []byte{0x0b}),
		{0x7d, 0x00, 0x43, 0x66, 0xa6, 0x26, 0x44, 0x0b},                         // 0x4426A666
		{0x7c, 0x00, 0x44, 0xcd, 0xcc, 0xcc, 0xcc, 0xcc, 0xd4, 0x84, 0x40, 0x0b}, // 0x4084D4CCCCCCCCCD
	}
	for i, n := range []string{"global_i32", "global_i64", "global_f32", "global_f64"} {
		exports = append(exports, cat(name(n), []byte{0x03}, uleb(uint64(i))))
	}
	exports = append(exports, cat(name("table"), []byte{0x01, 0x00}), cat(name("memory"), []byte{0x02, 0x00}))
	return cat(
		[]byte{0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00},
		section(1, vec(types, len(types))),
		section(2, vec(imports, len(imports))),
		section(4, vec([][]byte{{0x70, 0x01, 10, 20}}, 1)),
		section(5, vec([][]byte{{0x01, 1, 2}}, 1)),
		section(6, vec(globals, len(globals))),
		section(7, vec(exports, len(exports))),
	)
}

// vec is a wasm vector of count items: the count, then the items' bytes.
func vec(items [][]byte, count int) []byte {
	return cat(append([][]byte{uleb(uint64(count))}, items...)...)
}

func section(id byte, content []byte) []byte {
	return cat([]byte{id}, uleb(uint64(len(content))), content)
}

func name(s string) []byte {
	return cat(uleb(uint64(len(s))), []byte(s))
}

func cat(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func uleb(v uint64) []byte {
	var out []byte
	for {
		b := byte(v & 0x7f)
		v >>= 7
		if v != 0 {
			out = append(out, b|0x80)
			continue
		}
		return append(out, b)
	}
}

func sleb(v int64) []byte {
	var out []byte
	for {
		b := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && b&0x40 == 0) || (v == -1 && b&0x40 != 0) {
			return append(out, b)
		}
		out = append(out, b|0x80)
	}
}
