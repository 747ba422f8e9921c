using System.Text;
using WasmConform.Engine.Syntax;
using WasmConform.Wast.Text;

namespace WasmConform.Wast.Script;

/// <summary>The script format of the spec interpreter (its README, script/script.ml): commands into records.</summary>
internal sealed partial class ScriptParser
{
    private readonly TokenReader R;
    private readonly string _file;
    private int _eitherDepth;

    private ScriptParser(TokenReader reader, string file)
    {
        R = reader;
        _file = file;
    }

    public static WastScript Parse(byte[] source, string file, Engine.Features features)
    {
        var p = new ScriptParser(new TokenReader(Lexer.Tokenize(source, file)) { Features = features }, file);
        return new WastScript(file, p.Commands().ToArray());
    }

    private List<Command> Commands()
    {
        var commands = new List<Command>();
        if (R.At(TokenKind.LParen) && IsModuleField(R.Peek(1).Kw))
        {
            var at = Here();
            commands.Add(new ModuleCommand(at, null, false, new TextModule(WatParser.ReadModule(R, out _))));
            return commands;
        }
        while (!R.At(TokenKind.Eof)) commands.Add(Command());
        return commands;
    }

    private static bool IsModuleField(Kw kw) => kw is Kw.Type or Kw.Rec or Kw.Func or Kw.Table or Kw.Memory or Kw.Global
        or Kw.Tag or Kw.Import or Kw.Export or Kw.Start or Kw.Elem or Kw.Data;

    private Command Command()
    {
        if (!R.At(TokenKind.LParen)) throw R.Unexpected();
        var at = Here();
        switch (R.Peek(1).Kw)
        {
            case Kw.Module:
                return ModuleOrInstance();
            case Kw.Register:
            {
                R.Advance();
                R.Advance();
                string name = R.ReadName();
                string? id = OptionalId();
                R.Expect(TokenKind.RParen);
                return new RegisterCommand(at, name, id);
            }
            case Kw.Invoke or Kw.Get:
                return new ActionCommand(at, Action());
            case Kw.AssertReturn:
            {
                Open();
                var action = Action();
                var results = new List<ResultPattern>();
                while (R.At(TokenKind.LParen)) results.Add(Result());
                R.Expect(TokenKind.RParen);
                return new AssertReturn(at, action, results.ToArray());
            }
            case Kw.AssertTrap:
            {
                Open();
                if (R.AtField(Kw.Module)) return new AssertUninstantiable(at, InstanceForAssertion(), MessageAndClose());
                return new AssertTrap(at, Action(), MessageAndClose());
            }
            case Kw.AssertExhaustion:
                Open();
                return new AssertExhaustion(at, Action(), MessageAndClose());
            case Kw.AssertException:
            {
                Open();
                var action = Action();
                R.Expect(TokenKind.RParen);
                return new AssertException(at, action);
            }
            case Kw.AssertUnlinkable:
                Open();
                return new AssertUnlinkable(at, InstanceForAssertion(), MessageAndClose());
            case Kw.AssertMalformed:
                Open();
                return new AssertMalformed(at, ScriptModule(), MessageAndClose());
            case Kw.AssertInvalid:
                Open();
                return new AssertInvalid(at, ScriptModule(), MessageAndClose());
            case Kw.AssertMalformedCustom:
                Open();
                return new AssertMalformedCustom(at, ScriptModule(), MessageAndClose());
            case Kw.AssertInvalidCustom:
                Open();
                return new AssertInvalidCustom(at, ScriptModule(), MessageAndClose());
            default:
                throw R.Unexpected(R.Peek(1));
        }
    }

    private void Open()
    {
        R.Advance();
        R.Advance();
    }

    private SourceLocation Here() => new(_file, R.Current.Line, R.Tokens.ColumnOf(R.Current));

    private string? OptionalId() => R.At(TokenKind.Id) ? R.IdName(R.Advance()) : null;

    private string MessageAndClose()
    {
        var token = R.Expect(TokenKind.String);
        R.Expect(TokenKind.RParen);
        return Encoding.UTF8.GetString(StringLiteral.Decode(R.Bytes(token)));
    }

    private Command ModuleOrInstance()
    {
        if (R.Peek(2).Is(Kw.Instance)) return Instance();
        return ScriptModule();
    }

    // (module instance $instance? $module?)
    private InstanceCommand Instance()
    {
        var at = Here();
        R.ExpectField(Kw.Module);
        R.Expect(Kw.Instance);
        string? first = OptionalId();
        string? second = OptionalId();
        R.Expect(TokenKind.RParen);
        return second is null ? new InstanceCommand(at, null, first) : new InstanceCommand(at, first, second);
    }

    // The module of assert_trap / assert_unlinkable: an instance command, or a module that is instantiated.
    private Command InstanceForAssertion()
    {
        if (R.Peek(2).Is(Kw.Instance)) return Instance();
        var token = R.Current;
        var module = ScriptModule();
        if (module.IsDefinition) throw R.Error(token, "misplaced module definition");
        return module;
    }

    // (module definition? $id? field*) | (module definition? $id? binary string*) | (module definition? $id? quote string*)
    private ModuleCommand ScriptModule()
    {
        var at = Here();
        R.ExpectField(Kw.Module);
        bool definition = R.Accept(Kw.Definition);
        string? id = OptionalId();
        ModuleSource source;
        if (R.Accept(Kw.Binary))
        {
            source = new BinaryModule(R.ReadStrings());
        }
        else if (R.Accept(Kw.Quote))
        {
            var first = R.Current;
            var start = new SourceLocation(_file, first.Line, R.Tokens.ColumnOf(first) + 1);
            source = new QuotedModule(R.ReadStrings(), start);
        }
        else
        {
            var fields = ModuleParser.ReadFields(R);
            R.Expect(TokenKind.RParen);
            return new ModuleCommand(at, id, definition, new TextModule(fields.Finish()));
        }
        R.Expect(TokenKind.RParen);
        return new ModuleCommand(at, id, definition, source);
    }

    // (invoke $id? "name" const*) | (get $id? "name")
    private ScriptAction Action()
    {
        var at = Here();
        R.Expect(TokenKind.LParen);
        if (R.Accept(Kw.Get))
        {
            string? module = OptionalId();
            string name = R.ReadName();
            R.Expect(TokenKind.RParen);
            return new GetAction(at, module, name);
        }
        R.Expect(Kw.Invoke);
        string? target = OptionalId();
        string export = R.ReadName();
        var args = new List<Engine.Embedding.Value>();
        var shapes = new List<V128Shape>();
        while (R.At(TokenKind.LParen)) args.Add(Argument(shapes));
        R.Expect(TokenKind.RParen);
        return new InvokeAction(at, target, export, args.ToArray()) { VectorShapes = shapes.ToArray() };
    }
}
