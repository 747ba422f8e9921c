using System.Runtime.CompilerServices;
using WasmConform.Engine.Execution.Compiler;
using WasmConform.Engine.Syntax;
using WasmConform.Engine.Validation;

namespace WasmConform.Engine.Execution;

/// <summary>
/// The custom-descriptors proposal's instructions, run out of line. Immediates as the compiler
/// encodes them (<c>FunctionCompiler.CompileDescriptor</c>):
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>struct.new_desc</c>/<c>struct.new_default_desc</c>: A = type index, B = cells of all fields;
/// the descriptor is the top operand.</item>
/// <item><c>ref.cast_desc_eq</c>: B = 1 when the target type is nullable.</item>
/// <item><c>br_on_cast_desc_eq</c>/<c>_fail</c>: B = 1 when the target type is nullable; the
/// descriptor operand is replaced by the branch condition for a following <c>br_if</c>.</item>
/// </list>
/// A descriptor cast compares descriptors by identity: the reference passes when it is a
/// structure allocated with the given descriptor. The target type is only a static matter.
/// </remarks>
internal static unsafe class DescriptorInstructions
{
    /// <summary>Runs instruction <c>(Opcode)ins.Aux</c> on the operands below <paramref name="sp"/>; returns the new stack pointer.</summary>
    public static Slot* Execute(ref Inst ins, ModuleInstance inst, Slot* sp)
    {
        switch ((Opcode)ins.Aux)
        {
            case Opcode.StructNewDesc:
            {
                var descriptor = Descriptor(sp - 1);
                int cells = (int)ins.B;
                sp -= 1 + cells;
                var fields = new Slot[cells];
                for (int i = 0; i < cells; i++) fields[i] = sp[i];
                *sp = new Slot { Ref = new StructInstance(TypeOf(inst, ins.A), fields, descriptor) };
                return sp + 1;
            }
            case Opcode.StructNewDefaultDesc:
                sp[-1] = new Slot { Ref = new StructInstance(TypeOf(inst, ins.A), new Slot[ins.B], Descriptor(sp - 1)) };
                return sp;
            case Opcode.RefGetDesc:
                // Validation guarantees a structure of a type with a descriptor, or null.
                if (sp[-1].Ref is not StructInstance s) throw new TrapException(TrapKind.NullReference);
                sp[-1] = new Slot { Ref = s.Descriptor };
                return sp;
            case Opcode.RefCastDescEq:
            {
                var descriptor = Descriptor(sp - 1);
                sp--;
                if (!Passes(sp[-1].Ref, descriptor, nullable: ins.B != 0)) throw new TrapException(TrapKind.DescriptorCastFailure);
                return sp;
            }
            case Opcode.BrOnCastDescEq:
            case Opcode.BrOnCastDescEqFail:
            {
                var descriptor = Descriptor(sp - 1);
                bool passes = Passes(sp[-2].Ref, descriptor, nullable: ins.B != 0);
                bool branch = (Opcode)ins.Aux == Opcode.BrOnCastDescEq ? passes : !passes;
                sp[-1] = new Slot { I32 = branch ? 1 : 0 };
                return sp;
            }
            default:
                throw new UnsupportedFeatureException($"execution of {OpcodeTable.Info((Opcode)ins.Aux).Name}");
        }
    }

    /// <summary>Whether <paramref name="reference"/> was allocated with <paramref name="descriptor"/> (null passes a nullable target).</summary>
    private static bool Passes(object? reference, StructInstance descriptor, bool nullable) =>
        reference is null ? nullable : reference is StructInstance s && ReferenceEquals(s.Descriptor, descriptor);

    /// <summary>The descriptor operand: a structure, or a trap for null.</summary>
    private static StructInstance Descriptor(Slot* cell) => cell->Ref as StructInstance ?? throw NullDescriptor();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TrapException NullDescriptor() => new(TrapKind.NullDescriptorReference);

    private static DefType TypeOf(ModuleInstance inst, int index) => TypeRegistry.Get(inst.TypeIds[index]);
}
