package main

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/sys"
)

// features are those the runtime is configured with (api.CoreFeaturesV2), in the protocol's spelling.
var features = []string{
	"mutable-globals", "sign-extension", "saturating-float-to-int", "multi-value", "bulk-memory",
	"reference-types", "simd",
}

type request struct {
	ID          int64             `json:"id"`
	Op          string            `json:"op"`
	Wasm        string            `json:"wasm"`
	Module      string            `json:"module"`
	Instance    string            `json:"instance"`
	Export      string            `json:"export"`
	As          string            `json:"as"`
	Args        []json.RawMessage `json:"args"`
	TimeoutMs   *int64            `json:"timeout_ms"`
	MemoryBytes bool              `json:"memory_bytes"`
}

type instance struct {
	module  api.Module
	exports []export
}

// session is one runtime: the modules, instances and registrations of the requests since the last reset.
type session struct {
	ctx       context.Context
	runtime   wazero.Runtime
	modules   map[string]wazero.CompiledModule
	instances map[string]*instance
	trace     []wireValue
	next      int
}

func newSession() *session {
	s := &session{ctx: context.Background()}
	s.reset()
	return s
}

func (s *session) reset() {
	if s.runtime != nil {
		s.runtime.Close(s.ctx)
	}
	config := wazero.NewRuntimeConfig().
		WithCoreFeatures(api.CoreFeaturesV2).
		WithCloseOnContextDone(true)
	s.runtime = wazero.NewRuntimeWithConfig(s.ctx, config)
	s.modules = map[string]wazero.CompiledModule{}
	s.instances = map[string]*instance{}
	s.trace = nil
	if err := defineHost(s); err != nil {
		panic(err)
	}
}

func (s *session) close() {
	s.runtime.Close(s.ctx)
}

func (s *session) id(prefix string) string {
	s.next++
	return fmt.Sprintf("%s%d", prefix, s.next)
}

// handle answers one request line; a request that cannot be served is answered with "error".
func (s *session) handle(line []byte) map[string]interface{} {
	var r request
	if err := json.Unmarshal(line, &r); err != nil {
		return map[string]interface{}{"id": 0, "result": "error", "message": "bad request: " + err.Error()}
	}
	response, err := s.serve(&r)
	if err != nil {
		response = map[string]interface{}{"result": "error", "message": err.Error()}
	}
	response["id"] = r.ID
	return response
}

func (s *session) serve(r *request) (map[string]interface{}, error) {
	switch r.Op {
	case "hello":
		return map[string]interface{}{"result": "hello", "engine": "wazero", "version": wazeroVersion(), "features": features}, nil
	case "reset":
		s.reset()
		return map[string]interface{}{"result": "ok"}, nil
	case "compile":
		return s.compile(r)
	case "instantiate":
		return s.instantiate(r)
	case "register":
		return s.register(r)
	case "invoke":
		return s.invoke(r)
	case "get":
		return s.get(r)
	case "state":
		return s.state(r)
	}
	return nil, fmt.Errorf("unknown op %q", r.Op)
}

func (s *session) compile(r *request) (map[string]interface{}, error) {
	binary, err := base64.StdEncoding.DecodeString(r.Wasm)
	if err != nil {
		return nil, err
	}
	compiled, err := s.runtime.CompileModule(s.ctx, binary)
	if err != nil {
		return map[string]interface{}{"result": "invalid", "message": firstLine(err.Error())}, nil
	}
	id := s.id("m")
	s.modules[id] = compiled
	exports, err := readExports(binary)
	if err != nil {
		return nil, err
	}
	exportsByModule[compiled] = exports
	return map[string]interface{}{"result": "compiled", "module": id}, nil
}

// exportsByModule keeps each compiled module's export list (wazero lists only some kinds of exports).
var exportsByModule = map[wazero.CompiledModule][]export{}

func (s *session) instantiate(r *request) (map[string]interface{}, error) {
	compiled, ok := s.modules[r.Module]
	if !ok {
		return nil, fmt.Errorf("unknown module %q", r.Module)
	}
	ctx, cancel := s.deadline(r)
	defer cancel()
	id := s.id("i")
	config := wazero.NewModuleConfig().WithName(id).WithStartFunctions()
	module, err := s.runtime.InstantiateModule(ctx, compiled, config)
	if err != nil {
		response := failure(err)
		if response["result"] == "trap" && !isTrapText(err.Error()) {
			response = map[string]interface{}{"result": "unlinkable", "message": firstLine(err.Error())}
		}
		return s.withTrace(response), nil
	}
	s.instances[id] = &instance{module: module, exports: exportsByModule[compiled]}
	return s.withTrace(map[string]interface{}{"result": "instance", "instance": id}), nil
}

// register makes an instance's functions importable under another name, through a host module
// that forwards each call: wazero names a module once, when it is instantiated.
func (s *session) register(r *request) (map[string]interface{}, error) {
	inst, ok := s.instances[r.Instance]
	if !ok {
		return nil, fmt.Errorf("unknown instance %q", r.Instance)
	}
	builder := s.runtime.NewHostModuleBuilder(r.As)
	for _, e := range inst.exports {
		if e.kind != kindFunc {
			continue
		}
		target := inst.module.ExportedFunction(e.name)
		if target == nil {
			continue
		}
		def := target.Definition()
		builder.NewFunctionBuilder().
			WithGoModuleFunction(api.GoModuleFunc(func(ctx context.Context, _ api.Module, stack []uint64) {
				if err := target.CallWithStack(ctx, stack); err != nil {
					panic(err)
				}
			}), def.ParamTypes(), def.ResultTypes()).
			Export(e.name)
	}
	if _, err := builder.Instantiate(s.ctx); err != nil {
		return nil, err
	}
	return map[string]interface{}{"result": "ok"}, nil
}

func (s *session) invoke(r *request) (map[string]interface{}, error) {
	inst, ok := s.instances[r.Instance]
	if !ok {
		return nil, fmt.Errorf("unknown instance %q", r.Instance)
	}
	fn := inst.module.ExportedFunction(r.Export)
	if fn == nil {
		return nil, fmt.Errorf("no exported function %q", r.Export)
	}
	def := fn.Definition()
	params := make([]uint64, len(r.Args))
	for i, raw := range r.Args {
		v, err := decodeValue(raw)
		if err != nil {
			return map[string]interface{}{"result": "unsupported", "feature": err.Error(), "trace": []wireValue{}}, nil
		}
		params[i] = v
	}
	ctx, cancel := s.deadline(r)
	defer cancel()
	results, err := fn.Call(ctx, params...)
	if err != nil {
		return s.withTrace(failure(err)), nil
	}
	values := make([]wireValue, len(results))
	for i, v := range results {
		values[i] = encodeValue(def.ResultTypes()[i], v)
	}
	return s.withTrace(map[string]interface{}{"result": "values", "values": values}), nil
}

func (s *session) get(r *request) (map[string]interface{}, error) {
	inst, ok := s.instances[r.Instance]
	if !ok {
		return nil, fmt.Errorf("unknown instance %q", r.Instance)
	}
	g := inst.module.ExportedGlobal(r.Export)
	if g == nil {
		return nil, fmt.Errorf("no exported global %q", r.Export)
	}
	return map[string]interface{}{"result": "values", "values": []wireValue{encodeValue(g.Type(), g.Get())}}, nil
}

func (s *session) state(r *request) (map[string]interface{}, error) {
	inst, ok := s.instances[r.Instance]
	if !ok {
		return nil, fmt.Errorf("unknown instance %q", r.Instance)
	}
	globals := map[string]wireValue{}
	memories := map[string]interface{}{}
	for _, e := range inst.exports {
		switch e.kind {
		case kindGlobal:
			if g := inst.module.ExportedGlobal(e.name); g != nil {
				globals[e.name] = encodeValue(g.Type(), g.Get())
			}
		case kindMemory:
			if m := inst.module.ExportedMemory(e.name); m != nil {
				bytes, _ := m.Read(0, m.Size())
				sum := sha256.Sum256(bytes)
				memory := map[string]interface{}{"size": len(bytes), "sha256": hex.EncodeToString(sum[:])}
				if r.MemoryBytes {
					memory["bytes"] = base64.StdEncoding.EncodeToString(bytes)
				}
				memories[e.name] = memory
			}
		}
	}
	return map[string]interface{}{"result": "state", "globals": globals, "memories": memories}, nil
}

// deadline is the context of one call: cancelled after the request's timeout_ms, if any.
func (s *session) deadline(r *request) (context.Context, context.CancelFunc) {
	if r.TimeoutMs == nil {
		return context.WithCancel(s.ctx)
	}
	return context.WithTimeout(s.ctx, time.Duration(*r.TimeoutMs)*time.Millisecond)
}

func (s *session) withTrace(response map[string]interface{}) map[string]interface{} {
	trace := s.trace
	if trace == nil {
		trace = []wireValue{}
	}
	s.trace = nil
	response["trace"] = trace
	return response
}

// failure is the response for a call that returned err: exit, exhaustion, or a trap named by the
// first line of the error text.
func failure(err error) map[string]interface{} {
	var exit *sys.ExitError
	if errors.As(err, &exit) {
		switch exit.ExitCode() {
		case sys.ExitCodeDeadlineExceeded, sys.ExitCodeContextCanceled:
			return map[string]interface{}{"result": "exhausted", "resource": "time"}
		}
		return map[string]interface{}{"result": "exit", "code": int32(exit.ExitCode())}
	}
	message := firstLine(err.Error())
	if strings.Contains(message, "stack overflow") {
		return map[string]interface{}{"result": "exhausted", "resource": "stack"}
	}
	return map[string]interface{}{"result": "trap", "code": "", "message": message}
}

func isTrapText(text string) bool {
	return strings.HasPrefix(text, "wasm error:") || strings.Contains(firstLine(text), "out of bounds")
}

func firstLine(text string) string {
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		return text[:i]
	}
	return text
}
