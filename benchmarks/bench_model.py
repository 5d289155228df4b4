"""The real-size model and the segments that benchmarks/bench_translate.py times.

The model has opus-mt-ar-en's architecture (Marian: d_model 512, 6+6 layers, 8 heads, FFN
2048, a shared 62k vocabulary, 512 positions, 76.4M parameters) and seeded random weights.
Its output length is fixed: EOS and <pad> get a -1e4 logit bias, so every input generates
exactly its budget of new tokens, on every engine, and timings compare like with like.

Tokenizer: only the number of input tokens matters for speed, so it is a BPE SentencePiece
model trained on the benchmarked text and ``benchmarks/data``, sized to about 1.5 tokens
per Arabic word (published Arabic SentencePiece vocabularies give 1.2-1.4 on clean text).
Its pieces take ids 2.. of the big vocabulary, unused ids are filler, ``<pad>`` is last,
as in Marian's vocab.json.

Segments: Arabic sentences of ``../shared/data/real`` (news articles and summaries) when
that folder is there, else of the sample article and ``benchmarks/data``, as summarize's
own normaliser, segmenter and language detector find them. Only sentences of 17 to 256
input tokens are kept, so that every one gets the same budget from the product's length
bound (``min(64, 2 * 16-token steps + 8)`` = 64 new tokens) and none is split.
"""

from __future__ import annotations

import importlib.util
import io
import json
import random
from functools import cache
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "seeds" / "000_1e5af753fa3486b1.txt"
NEWS = ROOT / "benchmarks" / "data" / "news_summaries.jsonl"
# ../shared/data/real beside the repository (or beside the worktrees' folder).
REAL = next(
    (path for path in (ROOT.parent / "shared" / "data" / "real",
                       ROOT.parent.parent / "shared" / "data" / "real") if path.is_dir()),
    ROOT.parent / "shared" / "data" / "real",
)  # fmt: skip
TINY_MODELS = ROOT / "tests" / "make_tiny_models.py"

SEED = 1234
VOCAB_SIZE = 62_000
D_MODEL = 512
LAYERS = 6
HEADS = 8
FFN_DIM = 2048
MAX_POSITIONS = 512
BPE_VOCAB = 4_000
SUPPRESSED_BIAS = -1.0e4
MIN_TOKENS, MAX_TOKENS = 17, 256


@cache
def tiny_models() -> ModuleType:
    """Import tests/make_tiny_models.py by path (tests/ is not a package)."""
    spec = importlib.util.spec_from_file_location("make_tiny_models", TINY_MODELS)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _texts() -> tuple[str, list[str]]:
    """Where the text comes from, and the articles (or lines) themselves."""
    if (REAL / "ar_news.jsonl").is_file():
        texts = []
        for name in ("ar_news.jsonl", "ar_summaries.jsonl"):
            path = REAL / name
            if path.is_file():
                texts += [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
        return "Arabic news of ../shared/data/real", texts
    texts = [ARTICLE.read_text(encoding="utf-8")]
    for line in NEWS.read_text(encoding="utf-8").splitlines():
        item = json.loads(line) if line.strip() else {}
        if item.get("lang") == "ar":
            texts.append(" ".join(item["sentences"]))
    return "the sample article and benchmarks/data", texts


def arabic_sentences() -> tuple[str, list[str]]:
    """Every ``ar`` segment of the benchmark text, in reading order, and where it came from."""
    from summarize.langid import detect_segments
    from summarize.normalize import normalize_text
    from summarize.segment import segment_document

    origin, texts = _texts()
    out: list[str] = []
    for text in texts:
        segments = detect_segments(segment_document(normalize_text(text).text))
        out += [s.text for s in segments if s.lang == "ar"]
    return origin, out


def pick_segments(count: int, lengths: dict[str, int]) -> list[str]:
    """``count`` segments whose protected text has 17..256 tokens, in a seeded order."""
    fit = [text for text, n in lengths.items() if MIN_TOKENS <= n <= MAX_TOKENS]
    random.Random(SEED).shuffle(fit)
    if len(fit) < count:
        fit = (fit * (count // max(1, len(fit)) + 1))[:count]
    return fit[:count]


def train_bpe(lines: list[str]) -> bytes:
    """The BPE SentencePiece model (serialized) with T5's special ids."""
    import sentencepiece as spm

    tiny = tiny_models()
    spm.set_random_generator_seed(SEED)
    writer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines), model_writer=writer, model_type="bpe",
        vocab_size=BPE_VOCAB, hard_vocab_limit=False, character_coverage=1.0, num_threads=1,
        pad_id=tiny.SPM_PAD, eos_id=tiny.SPM_EOS, unk_id=tiny.SPM_UNK, bos_id=-1, minloglevel=2,
    )  # fmt: skip
    return writer.getvalue()


def build_model(outdir: Path) -> int:
    """Write the tokenizer and the random real-size Marian model; return its parameters."""
    import torch
    from transformers import GenerationConfig, MarianConfig, MarianMTModel

    tiny = tiny_models()
    _, sentences = arabic_sentences()
    proto = train_bpe(list(tiny.CORPUS) + sentences + [ARTICLE.read_text(encoding="utf-8")])
    pieces = tiny.spm_pieces(proto)
    filler = tuple(f"<unused{i}>" for i in range(VOCAB_SIZE - len(pieces) - 3))
    vocab = tiny.marian_vocab(pieces, filler)
    pad = vocab["<pad>"]
    with tiny.quiet():
        tiny.write_marian_tokenizer(proto, vocab, outdir)
        torch.manual_seed(SEED)
        config = MarianConfig(
            vocab_size=VOCAB_SIZE, decoder_vocab_size=VOCAB_SIZE, d_model=D_MODEL,
            encoder_layers=LAYERS, decoder_layers=LAYERS, encoder_attention_heads=HEADS,
            decoder_attention_heads=HEADS, encoder_ffn_dim=FFN_DIM, decoder_ffn_dim=FFN_DIM,
            max_position_embeddings=MAX_POSITIONS, activation_function="swish",
            scale_embedding=True, share_encoder_decoder_embeddings=True, pad_token_id=pad,
            eos_token_id=0, decoder_start_token_id=pad, forced_eos_token_id=None,
        )  # fmt: skip
        model = MarianMTModel(config).eval()
        with torch.no_grad():
            model.final_logits_bias[0, [0, pad]] = SUPPRESSED_BIAS  # never EOS, never <pad>
        model.generation_config = GenerationConfig(
            decoder_start_token_id=pad, pad_token_id=pad, eos_token_id=0,
            bad_words_ids=[[pad]], max_length=MAX_POSITIONS, num_beams=4,
        )  # fmt: skip
        tiny.save_model(model, outdir)
    return sum(p.numel() for p in model.parameters())
