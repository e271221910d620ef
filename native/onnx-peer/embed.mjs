// The peer of `indexer bench embed --peer`: onnxruntime-node 1.30.0 (native/node_modules) runs the same model.onnx
// on the very token-id batches the C# benchmark wrote, with the same threads, and does what the C# generator does
// around each run inside the timed loop: pads the batch to its longest row with a mask, and splits the output into
// one vector per norm. Prints one JSON line.
// Batches file, little-endian: "RLEC", int32 count, int64 padding id, then per batch int32 rows and per row
// int32 n, int64[n] token ids.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const ort = require("onnxruntime-node");

const [modelPath, batchesPath, threadsArg, inputIds, attentionMask, outputName, roundsArg] = process.argv.slice(2);
const threads = Number(threadsArg ?? 1);
const rounds = Math.max(1, Number(roundsArg ?? 1));

const buffer = readFileSync(batchesPath);
if (buffer.toString("latin1", 0, 4) !== "RLEC") throw new Error(`${batchesPath} is not a batches file`);
let offset = 4;
const count = buffer.readInt32LE(offset); offset += 4;
const padding = buffer.readBigInt64LE(offset); offset += 8;
const batches = [];
for (let b = 0; b < count; b++) {
    const rows = buffer.readInt32LE(offset); offset += 4;
    const batch = [];
    for (let r = 0; r < rows; r++) {
        const n = buffer.readInt32LE(offset); offset += 4;
        batch.push(new BigInt64Array(buffer.buffer.slice(buffer.byteOffset + offset, buffer.byteOffset + offset + n * 8)));
        offset += n * 8;
    }
    batches.push(batch);
}

function feeds(batch) {
    const length = Math.max(1, ...batch.map((row) => row.length));
    const ids = new BigInt64Array(batch.length * length).fill(padding);
    const mask = new BigInt64Array(batch.length * length);
    batch.forEach((row, r) => {
        ids.set(row, r * length);
        mask.fill(1n, r * length, r * length + row.length);
    });
    return {
        [inputIds]: new ort.Tensor("int64", ids, [batch.length, length]),
        [attentionMask]: new ort.Tensor("int64", mask, [batch.length, length]),
    };
}

async function embed(batch) {
    const output = (await session.run(feeds(batch), [outputName]))[outputName];
    const dims = output.dims.at(-1);
    return batch.map((_, r) => output.data.slice(r * dims, (r + 1) * dims));
}

const session = await ort.InferenceSession.create(modelPath, {
    executionProviders: ["cpu"],
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: "all",
    executionMode: "sequential",
});

// One untimed run, as the C# side warms up too.
const first = Array.from((await embed(batches[0]))[0]);

// The fastest of the timed passes counts, as on the C# side.
const norms = batches.reduce((sum, batch) => sum + batch.length, 0);
let seconds = Infinity;
for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    for (const batch of batches) {
        await embed(batch);
    }
    seconds = Math.min(seconds, (performance.now() - start) / 1000);
}

console.log(JSON.stringify({ version: ort.env.versions?.common ?? "?", norms, seconds, norms_per_s: norms / seconds, first }));
