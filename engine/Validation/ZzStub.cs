// Temporary stand-in for the validator API while it is written on its own branch; removed when it lands.
using WasmConform.Engine.Syntax;
namespace WasmConform.Engine.Validation;
public static class Validator { public static ValidatedModule Validate(Module m, Features f = FeatureSets.Wasm3) => new(m); }
public sealed class DefType { public uint Id; public FuncType? Func; }
public sealed class ValidatedModule {
  public ValidatedModule(Module m) { Module = m; Types = m.SubTypes.Select(s => new DefType { Func = s.Comp as FuncType, Id = s.Comp is FuncType f ? Execution.CanonicalTypes.IdOf(f) : 0 }).ToArray(); }
  public Module Module { get; }
  public IReadOnlyList<DefType> Types { get; }
  public ValType Canonicalize(ValType t) => t;
  public ExternType Canonicalize(ExternType t) => t is ExternFunc f ? new ExternFunc(Types[(int)f.TypeIndex].Id) : t is ExternTag tg ? new ExternTag(new TagType(Types[(int)tg.Type.TypeIndex].Id)) : t;
}
public static class Subtyping { public static bool Matches(ExternType a, ExternType b) => a switch {
  ExternFunc f => b is ExternFunc g && f.TypeIndex == g.TypeIndex,
  ExternGlobal x => b is ExternGlobal y && x == y,
  ExternTable x => b is ExternTable y && x.Type.ElemType == y.Type.ElemType && Lim(x.Type.Limits, y.Type.Limits),
  ExternMemory x => b is ExternMemory y && Lim(x.Type.Limits, y.Type.Limits),
  _ => false };
  static bool Lim(Limits a, Limits b) => a.Min >= b.Min && (b.Max is null || (a.Max is not null && a.Max <= b.Max)); }
