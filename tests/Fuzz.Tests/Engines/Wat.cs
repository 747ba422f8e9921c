using WasmConform.Engine.Binary;
using WasmConform.Wast.Text;

namespace WasmConform.Fuzz.Tests.Engines;

/// <summary>Modules for the tests, written in the text format.</summary>
public static class Wat
{
    public static byte[] Binary(string text) => Encoder.Encode(WatParser.ParseModule(text));
}
