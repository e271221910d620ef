// The peer of `indexer bench embed --peer`: onnxruntime-node 1.30.0 (native/node_modules) runs the same model.onnx
// on the very token-id batches the C# benchmark wrote, with the same threads. Prints one JSON line.
// Batches file, little-endian: "RLEB", int32 count, then per batch int32 rows, int32 length,
// int64[rows*length] input ids, int64[rows*length] attention mask.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const ort = require("onnxruntime-node");

const [modelPath, batchesPath, threadsArg, inputIds, attentionMask, outputName, roundsArg] = process.argv.slice(2);
const threads = Number(threadsArg ?? 1);
const rounds = Math.max(1, Number(roundsArg ?? 1));

const buffer = readFileSync(batchesPath);
if (buffer.toString("latin1", 0, 4) !== "RLEB") throw new Error(`${batchesPath} is not a batches file`);
let offset = 4;
const count = buffer.readInt32LE(offset); offset += 4;
const batches = [];
for (let b = 0; b < count; b++) {
    const rows = buffer.readInt32LE(offset); offset += 4;
    const length = buffer.readInt32LE(offset); offset += 4;
    const size = rows * length;
    const ids = new BigInt64Array(buffer.buffer.slice(buffer.byteOffset + offset, buffer.byteOffset + offset + size * 8)); offset += size * 8;
    const mask = new BigInt64Array(buffer.buffer.slice(buffer.byteOffset + offset, buffer.byteOffset + offset + size * 8)); offset += size * 8;
    batches.push({
        rows,
        feeds: {
            [inputIds]: new ort.Tensor("int64", ids, [rows, length]),
            [attentionMask]: new ort.Tensor("int64", mask, [rows, length]),
        },
    });
}

const session = await ort.InferenceSession.create(modelPath, {
    executionProviders: ["cpu"],
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: "all",
    executionMode: "sequential",
});

// One untimed run, as the C# side warms up too.
const warm = await session.run(batches[0].feeds, [outputName]);
const first = Array.from(warm[outputName].data.slice(0, warm[outputName].dims.at(-1)));

// The fastest of the timed passes counts, as on the C# side.
const norms = batches.reduce((sum, batch) => sum + batch.rows, 0);
let seconds = Infinity;
for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    for (const batch of batches) {
        await session.run(batch.feeds, [outputName]);
    }
    seconds = Math.min(seconds, (performance.now() - start) / 1000);
}

console.log(JSON.stringify({ version: ort.env.versions?.common ?? "?", norms, seconds, norms_per_s: norms / seconds, first }));
