package main

import (
	"encoding/json"
	"fmt"
	"math/big"
	"runtime/debug"
	"strconv"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
)

// wireValue is a value in the protocol's encoding (wast2json's).
type wireValue struct {
	Type  string `json:"type"`
	Value string `json:"value"`
}

// decodeValue turns an argument into wazero's uint64 encoding. A host reference N is N+1 (0 is null).
func decodeValue(raw json.RawMessage) (uint64, error) {
	var v struct {
		Type  string          `json:"type"`
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		return 0, err
	}
	var text string
	if err := json.Unmarshal(v.Value, &text); err != nil {
		return 0, fmt.Errorf("%s values at the API boundary", v.Type)
	}
	switch v.Type {
	case "i32", "f32":
		n, err := strconv.ParseUint(text, 10, 32)
		return n, err
	case "i64", "f64":
		return strconv.ParseUint(text, 10, 64)
	case "externref", "funcref":
		if text == "null" {
			return 0, nil
		}
		if v.Type == "externref" {
			n, err := strconv.ParseUint(text, 10, 32)
			return n + 1, err
		}
	}
	return 0, fmt.Errorf("%s %s at the API boundary", v.Type, text)
}

// encodeValue turns a result of type t into the protocol's encoding.
func encodeValue(t api.ValueType, v uint64) wireValue {
	switch t {
	case api.ValueTypeI32:
		return wireValue{"i32", strconv.FormatUint(v&0xffffffff, 10)}
	case api.ValueTypeI64:
		return wireValue{"i64", new(big.Int).SetUint64(v).String()}
	case api.ValueTypeF32:
		return wireValue{"f32", strconv.FormatUint(v&0xffffffff, 10)}
	case api.ValueTypeF64:
		return wireValue{"f64", strconv.FormatUint(v, 10)}
	case api.ValueTypeExternref:
		if v == 0 {
			return wireValue{"externref", "null"}
		}
		return wireValue{"externref", strconv.FormatUint(v-1, 10)}
	case api.ValueTypeFuncref:
		if v == 0 {
			return wireValue{"funcref", "null"}
		}
		return wireValue{"funcref", "func"}
	}
	return wireValue{"anyref", "any"}
}

// wazeroVersion is the version of the wazero module this binary was built with.
func wazeroVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range info.Deps {
			if dep.Path == "github.com/tetratelabs/wazero" {
				return dep.Version
			}
		}
	}
	return "unknown"
}

func wazeroModuleConfig(moduleName string) wazero.ModuleConfig {
	return wazero.NewModuleConfig().WithName(moduleName).WithStartFunctions()
}
