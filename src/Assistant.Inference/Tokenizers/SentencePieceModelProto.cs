using Google.Protobuf;

namespace Assistant.Inference.Tokenizers;

/// <summary>The settings of a SentencePiece unigram model besides its pieces (trainer_spec and normalizer_spec).</summary>
/// <param name="PrecompiledCharsMap">The normalization rules; empty: none.</param>
internal sealed record SentencePieceSpec(
    int UnknownId,
    int BeginningId,
    int EndId,
    int PaddingId,
    ReadOnlyMemory<byte> PrecompiledCharsMap,
    bool AddDummyPrefix,
    bool RemoveExtraWhitespaces);

/// <summary>
/// Writes a SentencePiece ModelProto (sentencepiece_model.proto) for vocabulary arrays held elsewhere (a GGUF file), so
/// that Microsoft.ML.Tokenizers builds its unigram tokenizer from them: it reads the piece types (which pieces the
/// search may use) and the normalizer settings only from that message.
/// </summary>
internal static class SentencePieceModelProto
{
    // Field numbers of sentencepiece_model.proto.
    private const int PiecesField = 1;
    private const int TrainerSpecField = 2;
    private const int NormalizerSpecField = 3;
    private const int PieceField = 1;
    private const int ScoreField = 2;
    private const int TypeField = 3;
    private const int ModelTypeField = 3;
    private const int UnknownIdField = 40;
    private const int BeginningIdField = 41;
    private const int EndIdField = 42;
    private const int PaddingIdField = 43;
    private const int UnknownPieceField = 45;
    private const int BeginningPieceField = 46;
    private const int EndPieceField = 47;
    private const int PaddingPieceField = 48;
    private const int CharsMapField = 2;
    private const int AddDummyPrefixField = 3;
    private const int RemoveExtraWhitespacesField = 4;
    private const int EscapeWhitespacesField = 5;
    private const int UnigramModelType = 1;

    /// <param name="types">llama_token_type per piece, which is SentencePiece's piece type numbering.</param>
    public static byte[] Write(IReadOnlyList<string> pieces, IReadOnlyList<float> scores, IReadOnlyList<int> types, SentencePieceSpec spec)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        for (var id = 0; id < pieces.Count; id++)
        {
            var piece = ByteString.CopyFromUtf8(pieces[id]);
            var type = types[id];
            output.WriteTag(PiecesField, WireFormat.WireType.LengthDelimited);
            output.WriteLength(
                CodedOutputStream.ComputeTagSize(PieceField) + CodedOutputStream.ComputeBytesSize(piece)
                + CodedOutputStream.ComputeTagSize(ScoreField) + CodedOutputStream.ComputeFloatSize(scores[id])
                + CodedOutputStream.ComputeTagSize(TypeField) + CodedOutputStream.ComputeEnumSize(type));
            output.WriteTag(PieceField, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(piece);
            output.WriteTag(ScoreField, WireFormat.WireType.Fixed32);
            output.WriteFloat(scores[id]);
            output.WriteTag(TypeField, WireFormat.WireType.Varint);
            output.WriteEnum(type);
        }

        WriteMessage(output, TrainerSpecField, TrainerSpec(pieces, spec));
        WriteMessage(output, NormalizerSpecField, NormalizerSpec(spec));
        output.Flush();
        return buffer.ToArray();
    }

    private static byte[] TrainerSpec(IReadOnlyList<string> pieces, SentencePieceSpec spec)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        output.WriteTag(ModelTypeField, WireFormat.WireType.Varint);
        output.WriteEnum(UnigramModelType);
        WriteSpecial(output, UnknownIdField, UnknownPieceField, spec.UnknownId, pieces);
        WriteSpecial(output, BeginningIdField, BeginningPieceField, spec.BeginningId, pieces);
        WriteSpecial(output, EndIdField, EndPieceField, spec.EndId, pieces);
        WriteSpecial(output, PaddingIdField, PaddingPieceField, spec.PaddingId, pieces);
        output.Flush();
        return buffer.ToArray();
    }

    private static byte[] NormalizerSpec(SentencePieceSpec spec)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        if (!spec.PrecompiledCharsMap.IsEmpty)
        {
            output.WriteTag(CharsMapField, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(spec.PrecompiledCharsMap.Span));
        }

        output.WriteTag(AddDummyPrefixField, WireFormat.WireType.Varint);
        output.WriteBool(spec.AddDummyPrefix);
        output.WriteTag(RemoveExtraWhitespacesField, WireFormat.WireType.Varint);
        output.WriteBool(spec.RemoveExtraWhitespaces);
        output.WriteTag(EscapeWhitespacesField, WireFormat.WireType.Varint);
        output.WriteBool(true);
        output.Flush();
        return buffer.ToArray();
    }

    // An id outside the vocabulary is written as -1 (absent), with no piece.
    private static void WriteSpecial(CodedOutputStream output, int idField, int pieceField, int id, IReadOnlyList<string> pieces)
    {
        var present = (uint)id < (uint)pieces.Count;
        output.WriteTag(idField, WireFormat.WireType.Varint);
        output.WriteInt32(present ? id : -1);
        if (present)
        {
            output.WriteTag(pieceField, WireFormat.WireType.LengthDelimited);
            output.WriteString(pieces[id]);
        }
    }

    private static void WriteMessage(CodedOutputStream output, int field, byte[] message)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(message));
    }
}
