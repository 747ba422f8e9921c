using WasmConform.Engine;
using WasmConform.Engine.Syntax;
using WasmConform.Engine.Validation;
using WasmConform.Fuzz.Reducer;
using WasmConform.Wast.Text;

namespace WasmConform.Fuzz.Tests.Reducer;

/// <summary>Removing definitions from an index space renumbers every use of the rest.</summary>
public sealed class ModuleIndicesTests
{
    private const string Text = """
        (module
          (type $unused (func (param i64)))
          (type $v (func))
          (type $i (func (result i32)))
          (type $l (func (param i32)))
          (import "env" "log_i32" (func $log (type $l)))
          (global $g0 (mut i32) (i32.const 7))
          (global $g1 i32 (i32.const 9))
          (table $t 2 funcref)
          (elem (table $t) (i32.const 0) func $a $b)
          (func $a (type $i) (global.get $g1))
          (func $b (type $v) (call $log (call $a)) (global.set $g0 (i32.const 1)))
          (func $c (type $v) (call_indirect $t (type $v) (i32.const 1)))
          (export "b" (func $b))
          (export "g1" (global $g1)))
        """;

    private static readonly Module Module = WatParser.ParseModule(Text);

    private static Module Valid(Module? module)
    {
        Assert.NotNull(module);
        Validator.Validate(module, FeatureSets.All);
        return module;
    }

    [Fact]
    public void Removing_an_unused_function_renumbers_calls_exports_and_elements()
    {
        var without = Valid(ModuleIndices.Remove(Module, IndexSpace.Func, 3, 1));
        Assert.Equal(2, without.Functions.Count);
        Assert.Equal(new IndexInstruction(Opcode.Call, 1), without.Functions[1].Body[0]);
        Assert.Equal(2u, without.Exports[0].Index);
        Assert.Contains(without.Elements[0].Init, e => e[0] == new IndexInstruction(Opcode.RefFunc, 2));
    }

    [Fact]
    public void Removing_a_function_still_called_is_refused()
    {
        Assert.Null(ModuleIndices.Remove(Module, IndexSpace.Func, 1, 1));
    }

    [Fact]
    public void Removing_an_unused_type_renumbers_function_types_and_call_indirect()
    {
        var without = Valid(ModuleIndices.Remove(Module, IndexSpace.Type, 0, 1));
        Assert.Equal(1u, without.Functions[0].TypeIndex);
        Assert.Equal(new IndexPairInstruction(Opcode.CallIndirect, 0, 0), without.Functions[2].Body[1]);
    }

    [Fact]
    public void Removing_a_global_renumbers_reads_and_exports()
    {
        // $b without its global.set: only $a and the export use a global then.
        var module = Module with { Functions = [.. Module.Functions.Select((f, i) => i == 1 ? f with { Body = [.. f.Body.Take(2)] } : f)] };
        var without = Valid(ModuleIndices.Remove(Valid(module), IndexSpace.Global, 0, 1));
        Assert.Equal(new IndexInstruction(Opcode.GlobalGet, 0), without.Functions[0].Body[0]);
        Assert.Equal(0u, without.Exports[1].Index);
    }

    [Fact]
    public void Removing_an_import_shifts_the_functions_defined_after_it()
    {
        var module = Module with { Functions = [.. Module.Functions.Select((f, i) => i == 1 ? f with { Body = [new Instruction(Opcode.Nop)] } : f)] };
        var without = Valid(ModuleIndices.Remove(Valid(module), IndexSpace.Func, 0, 1));
        Assert.Empty(without.Imports);
        Assert.Equal(1u, without.Exports[0].Index);
    }

    [Fact]
    public void Removing_the_element_segment_frees_the_functions_it_named()
    {
        var without = Valid(ModuleIndices.Remove(Module, IndexSpace.Elem, 0, 1));
        Assert.Empty(without.Elements);
        Assert.NotNull(ModuleIndices.Remove(without, IndexSpace.Func, 3, 1));
    }

    [Fact]
    public void Counts_take_in_the_imports()
    {
        Assert.Equal(4, ModuleIndices.Count(Module, IndexSpace.Func));
        Assert.Equal(4, ModuleIndices.Count(Module, IndexSpace.Type));
        Assert.Equal(2, ModuleIndices.Count(Module, IndexSpace.Global));
    }
}
