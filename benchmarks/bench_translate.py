"""Time the translation stage on the CPU with a real-size (random) opus-mt-ar-en model.

Usage: python benchmarks/bench_translate.py [--segments 24] [--repeats 2]
       [--max-new-tokens 64] [--tokenizer realistic|tiny]

The model has opus-mt-ar-en's architecture (Marian: d_model 512, 6+6 layers, 8 heads, FFN
2048, a shared ~62k vocabulary, sinusoidal positions, 512 positions) and seeded random
weights. Its output length is fixed: EOS and <pad> get a -1e4 logit bias, so every call
generates exactly its ``max_new_tokens`` and timings compare like with like. The model is
saved as safetensors in a temporary directory (by a child process, so that building does
not count in this process's peak RSS) and loaded through ``load_transformers``; the
product's ``translate_texts`` and ``HFSeq2Seq.generate`` are what is timed.

Tokenizer: only the number of input tokens matters for speed, so token counts should be
realistic. ``realistic`` (the default) is a BPE SentencePiece model trained on the
benchmarked article, the Arabic and English text in ``benchmarks/data`` and the tiny-model
corpus of ``tests/make_tiny_models.py``, with its vocabulary sized to give about 1.5
tokens per Arabic word (about 4 characters per token). Published figures for dedicated
Arabic SentencePiece vocabularies are 1.2-1.4 tokens per word on normalised text; this
article also has quotation marks, Latin names and URLs. It is calibrated, not opus-mt's
own tokenizer (the hub is not reachable here). ``tiny`` is the 320-piece SentencePiece
model of ``make_tiny_models`` (about 4 tokens per word, a pessimistic bound). Either way
the pieces take ids 2.. of the big vocabulary, unused ids are filler tokens and ``<pad>``
is the last id, as in Marian's vocab.json.

Inputs: the ``ar`` segments of ``seeds/000_1e5af753fa3486b1.txt`` (normalised, segmented
and language-tagged by summarize itself), repeated in turn up to ``--segments``: 24 by
default (each segment twice), which keeps the whole run near 5 minutes on 2 idle cores;
48 doubles the time. Any other load on the machine slows the 2-thread runs far more than
its share, so every row also reports how much CPU other processes took meanwhile.

Configurations (all with the product's ``no_repeat_ngram_size`` 3 and its length cap,
``min(max_new_tokens, 2 * longest + 8)`` per call, so generated tokens are comparable):
  a  one ``generate`` call per segment, greedy;
  b  batches of 32 in input order, greedy;
  c  ``translate_texts`` (length-sorted batches) with batch 16 and 32, greedy;
  d  ``translate_texts`` with batch 16 and 4 beams (the shipped default).
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from summarize.backends import Backend, LoadOptions
from summarize.backends.hf import HFSeq2Seq, load_transformers
from summarize.config import RouteConfig
from summarize.langid import detect_segments
from summarize.normalize import normalize_text
from summarize.segment import segment_document

# The product's per-call length cap, so the in-order runs generate what translate_texts does.
from summarize.translate import (
    _LENGTH_RATIO,
    _LENGTH_SLACK,
    protect_entities,
    translate_texts,
)

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "seeds" / "000_1e5af753fa3486b1.txt"
NEWS = ROOT / "benchmarks" / "data" / "news_summaries.jsonl"
TINY_MODELS = ROOT / "tests" / "make_tiny_models.py"

SEED = 1234
# opus-mt-ar-en's shape.
VOCAB_SIZE = 62_000
D_MODEL = 512
LAYERS = 6
HEADS = 8
FFN_DIM = 2048
MAX_POSITIONS = 512
# BPE merges for the "realistic" tokenizer: about 1.5 tokens per word on the article.
BPE_VOCAB = 4_000
SUPPRESSED_BIAS = -1.0e4
MIB = 1024.0  # ru_maxrss is in KiB on Linux


@cache
def _tiny_models() -> ModuleType:
    """Import tests/make_tiny_models.py by path (tests/ is not a package)."""
    spec = importlib.util.spec_from_file_location("make_tiny_models", TINY_MODELS)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def article_segments() -> list[str]:
    """The ``ar`` segments of the sample article, as summarize's own pipeline finds them."""
    normalized = normalize_text(ARTICLE.read_text(encoding="utf-8"))
    segments = detect_segments(segment_document(normalized.text))
    return [s.text for s in segments if s.lang == "ar"]


def _training_text() -> list[str]:
    lines = list(_tiny_models().CORPUS) + article_segments()
    for line in NEWS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            lines += [item["title"], *item["sentences"]]
    return lines


def train_bpe() -> bytes:
    """Train the ``realistic`` BPE SentencePiece model; returns the serialized proto."""
    import sentencepiece as spm

    tiny = _tiny_models()
    spm.set_random_generator_seed(SEED)
    writer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(_training_text()),
        model_writer=writer,
        model_type="bpe",
        vocab_size=BPE_VOCAB,
        hard_vocab_limit=False,
        character_coverage=1.0,
        num_threads=1,
        pad_id=tiny.SPM_PAD,
        eos_id=tiny.SPM_EOS,
        unk_id=tiny.SPM_UNK,
        bos_id=-1,
        minloglevel=2,
    )
    return writer.getvalue()


def build_model(outdir: Path, tokenizer_kind: str) -> None:
    """Write the tokenizer and the random real-size Marian model (safetensors) to outdir."""
    import torch
    from transformers import GenerationConfig, MarianConfig, MarianMTModel

    tiny = _tiny_models()
    proto = tiny.train_spm() if tokenizer_kind == "tiny" else train_bpe()
    pieces = tiny.spm_pieces(proto)
    # </s> 0, <unk> 1, the pieces, filler up to the full size, <pad> last.
    filler = tuple(f"<unused{i}>" for i in range(VOCAB_SIZE - len(pieces) - 3))
    vocab = tiny.marian_vocab(pieces, filler)
    assert len(vocab) == VOCAB_SIZE, len(vocab)
    pad = vocab["<pad>"]
    with tiny.quiet():
        tiny.write_marian_tokenizer(proto, vocab, outdir)
        torch.manual_seed(SEED)
        config = MarianConfig(
            vocab_size=VOCAB_SIZE,
            decoder_vocab_size=VOCAB_SIZE,
            d_model=D_MODEL,
            encoder_layers=LAYERS,
            decoder_layers=LAYERS,
            encoder_attention_heads=HEADS,
            decoder_attention_heads=HEADS,
            encoder_ffn_dim=FFN_DIM,
            decoder_ffn_dim=FFN_DIM,
            max_position_embeddings=MAX_POSITIONS,
            activation_function="swish",
            scale_embedding=True,
            share_encoder_decoder_embeddings=True,
            pad_token_id=pad,
            eos_token_id=0,
            decoder_start_token_id=pad,
            forced_eos_token_id=None,
        )
        model = MarianMTModel(config).eval()
        with torch.no_grad():
            model.final_logits_bias[0, [0, pad]] = SUPPRESSED_BIAS  # never EOS, never <pad>
        model.generation_config = GenerationConfig(
            decoder_start_token_id=pad,
            pad_token_id=pad,
            eos_token_id=0,
            bad_words_ids=[[pad]],
            max_length=MAX_POSITIONS,
            num_beams=4,
        )
        tiny.save_model(model, outdir)
    params = sum(p.numel() for p in model.parameters())
    (outdir / "bench_params.txt").write_text(str(params), encoding="utf-8")


class Recorder:
    """A Backend that passes calls through and records each generate call (untimed)."""

    def __init__(self, inner: HFSeq2Seq) -> None:
        self.inner = inner
        self.name = inner.name
        self.max_input_tokens = inner.max_input_tokens
        self.calls: list[tuple[list[str], int]] = []

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return self.inner.count_tokens(texts)

    def generate(self, texts: Sequence[str], *, max_new_tokens: int) -> list[str]:
        self.calls.append((list(texts), max_new_tokens))
        return self.inner.generate(texts, max_new_tokens=max_new_tokens)


def in_input_order(backend: Backend, texts: Sequence[str], batch_size: int, max_new: int) -> None:
    """Configurations a and b: fixed-size batches in input order, the product's length cap."""
    cores = [protect_entities(t)[0] for t in texts]
    lengths = backend.count_tokens(cores)
    for start in range(0, len(cores), batch_size):
        longest = max(lengths[start : start + batch_size])
        budget = min(max_new, int(longest * _LENGTH_RATIO) + _LENGTH_SLACK)
        backend.generate(cores[start : start + batch_size], max_new_tokens=budget)


@dataclass(frozen=True)
class Config:
    name: str
    backend: HFSeq2Seq
    batch: int
    run: Callable[[Backend], object]


@dataclass
class Result:
    config: Config
    threads: int
    calls: list[tuple[list[str], int]] = field(default_factory=list)
    times: list[float] = field(default_factory=list)
    others: list[float] = field(default_factory=list)
    rss_mib: float = 0.0


def _busy_and_own() -> tuple[float, float]:
    """Machine-wide busy CPU seconds (all processes, steal included) and this process's own."""
    busy = 0.0
    stat = Path("/proc/stat")
    if stat.is_file():
        fields = [int(x) for x in stat.read_text().splitlines()[0].split()[1:9]]
        busy = (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return busy, usage.ru_utime + usage.ru_stime


def measure(result: Result) -> None:
    """Time one run; also record the CPU share other processes took meanwhile."""
    recorder = Recorder(result.config.backend)
    busy0, own0 = _busy_and_own()
    start = time.perf_counter()
    result.config.run(recorder)
    wall = time.perf_counter() - start
    busy1, own1 = _busy_and_own()
    result.times.append(wall)
    result.others.append(max(0.0, (busy1 - busy0) - (own1 - own0)) / (wall * (os.cpu_count() or 1)))
    result.calls = recorder.calls
    if not result.rss_mib:  # the process's high-water mark after this config first ran
        result.rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / MIB
    print(f"  {result.config.name}: {wall:.1f}s", file=sys.stderr)


def check_fixed_length(backend: HFSeq2Seq, texts: Sequence[str], max_new: int) -> None:
    """Every sequence runs to exactly max_new tokens, greedy and with beams (also warms up)."""
    import torch

    model: Any = backend._model
    encoded = backend._tokenizer(list(texts), return_tensors="pt", padding=True)
    pad = model.config.pad_token_id
    for beams in (1, 4):
        with torch.inference_mode():
            out = model.generate(**encoded, max_new_tokens=max_new, num_beams=beams)
        assert out.shape == (len(texts), max_new + 1), (beams, tuple(out.shape))
        assert not ((out[:, 1:] == pad) | (out[:, 1:] == 0)).any(), "EOS or <pad> generated"


def table(results: Sequence[Result]) -> str:
    head = (
        "| config | threads | batch | beams | calls | gen tokens | padding | best s | median s "
        "| tok/s (best) | tok/s (median) | others' CPU | peak RSS MiB¹ |"
    )
    rows = [head, "|" + "---|" * 13]
    for r in results:
        generated = sum(len(texts) * budget for texts, budget in r.calls)
        real = slots = 0
        for texts, _ in r.calls:
            lengths = r.config.backend.count_tokens(texts)
            real, slots = real + sum(lengths), slots + len(lengths) * max(lengths)
        best, median = min(r.times), statistics.median(r.times)
        others = " / ".join(f"{o:.0%}" for o in r.others)
        rows.append(
            f"| {r.config.name} | {r.threads} | {r.config.batch} "
            f"| {r.config.backend._config.num_beams} | {len(r.calls)} | {generated} "
            f"| {1 - real / slots:.0%} | {best:.2f} | {median:.2f} | {generated / best:.1f} "
            f"| {generated / median:.1f} | {others} | {r.rss_mib:.0f} |"
        )
    return "\n".join(rows)


def machine_facts(backend: HFSeq2Seq, texts: Sequence[str], params: str) -> list[str]:
    import torch
    import transformers

    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        names = [ln for ln in cpuinfo.read_text().splitlines() if ln.startswith("model name")]
        cpu = names[0].split(":", 1)[1].strip() if names else cpu
    lengths = backend.count_tokens([protect_entities(t)[0] for t in texts])
    words = sum(len(t.split()) for t in texts)
    chars = sum(len(t) for t in texts)
    return [
        f"- python {platform.python_version()}, torch {torch.__version__}, "
        f"transformers {transformers.__version__}, {platform.platform()}",
        f"- CPU: {cpu}, os.cpu_count() {os.cpu_count()}, "
        f"torch threads default {torch.get_num_threads()}, "
        f"interop {torch.get_num_interop_threads()}, "
        f"mkldnn {torch.backends.mkldnn.is_available()}",
        f"- model: random MarianMTModel, {int(params) / 1e6:.1f}M parameters, vocab "
        f"{VOCAB_SIZE}, d_model {D_MODEL}, {LAYERS}+{LAYERS} layers, float32",
        f"- inputs: {len(texts)} segments, {words} words, input tokens per segment "
        f"min {min(lengths)} / median {statistics.median(lengths):.0f} / max {max(lengths)} "
        f"(total {sum(lengths)}; {sum(lengths) / words:.2f} tokens per word, "
        f"{chars / sum(lengths):.1f} chars per token)",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=24)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--max-new-tokens", type=int, default=64)
    parser.add_argument("--tokenizer", choices=("realistic", "tiny"), default="realistic")
    parser.add_argument("--build", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.build:
        build_model(Path(args.build), args.tokenizer)
        return 0
    import torch

    began = time.perf_counter()
    base = article_segments()
    texts = [base[i % len(base)] for i in range(args.segments)]
    max_new = args.max_new_tokens
    with tempfile.TemporaryDirectory(prefix="bench-translate-") as tmp:
        build = [sys.executable, __file__, "--build", tmp, "--tokenizer", args.tokenizer]
        subprocess.run(build, check=True)
        build_s = time.perf_counter() - began
        params = Path(tmp, "bench_params.txt").read_text(encoding="utf-8")
        loaded = time.perf_counter()
        config = RouteConfig(
            route="translate.ar-en",
            model=tmp,
            local=True,
            max_input_tokens=MAX_POSITIONS,
            max_new_tokens=max_new,
            num_beams=1,
        )
        greedy = load_transformers(config, LoadOptions(offline=True))
        assert isinstance(greedy, HFSeq2Seq)
        beam4 = HFSeq2Seq(replace(config, num_beams=4), greedy._tokenizer, greedy._model)
        load_s = time.perf_counter() - loaded
        load_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / MIB
        checked = time.perf_counter()
        check_fixed_length(greedy, [base[0], base[1]], max_new)
        check_s = time.perf_counter() - checked

        configs = [
            Config("a per segment", greedy, 1, lambda b: in_input_order(b, texts, 1, max_new)),
            Config("b input order", greedy, 32, lambda b: in_input_order(b, texts, 32, max_new)),
            Config(
                "c translate_texts", greedy, 16, lambda b: translate_texts(texts, b, (16, max_new))
            ),
            Config(
                "c translate_texts", greedy, 32, lambda b: translate_texts(texts, b, (32, max_new))
            ),
            Config(
                "d translate_texts", beam4, 16, lambda b: translate_texts(texts, b, (16, max_new))
            ),
        ]
        default_threads = torch.get_num_threads()
        settings = [default_threads] + ([2] if default_threads != 2 else [])
        results: list[Result] = []
        for threads in settings:
            torch.set_num_threads(threads)
            batch = [Result(config, threads) for config in configs]
            # Runs are interleaved so that a burst of load from elsewhere hits all configs.
            for repeat in range(args.repeats):
                print(f"threads {threads}, run {repeat + 1}:", file=sys.stderr)
                for result in batch:
                    measure(result)
            results += batch
        facts = machine_facts(greedy, texts, params)
    total_s = time.perf_counter() - began
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / MIB
    print(table(results))
    print()
    print(*facts, sep="\n")
    print(
        f"- tokenizer {args.tokenizer}; max_new_tokens {max_new}; {args.repeats} runs per "
        f"config, interleaved; no_repeat_ngram_size {config.no_repeat_ngram_size}"
    )
    print(
        "- others' CPU: share of the machine's CPU time used by other processes during each "
        "run (from /proc/stat), a measure of contention"
    )
    print("- ¹ this process's peak RSS once the config had first run (configs run in table order)")
    if default_threads == 2:
        print("- torch.set_num_threads(2) is the default here: no separate run")
    print(
        f"- build {build_s:.0f}s (child peak RSS {child_rss:.0f} MiB), load {load_s:.1f}s "
        f"(peak RSS after load {load_rss:.0f} MiB), length check and warm-up {check_s:.0f}s, "
        f"total {total_s:.0f}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
