"""Build tiny, random, offline models for testing ``summarize``.

Usage as a script::

    python tests/make_tiny_models.py OUTDIR

prints the path of the written ``OUTDIR/models.toml``. Usage from tests::

    from make_tiny_models import build_tiny_models
    models_toml = build_tiny_models(tmp_path)

What gets written under OUTDIR:

* ``ar-en`` and ``en-ar``: ``MarianMTModel`` (d_model 16, one encoder and one
  decoder layer) with a ``MarianTokenizer`` (``source.spm``, ``target.spm``,
  ``vocab.json``, ``tokenizer_config.json``). The en-ar vocabulary contains the
  language token ``>>ara<<``, as ``Helsinki-NLP/opus-mt-en-ar`` does.
* ``summarize-en`` and ``summarize-ar``: ``T5ForConditionalGeneration`` of the
  same size with a ``T5Tokenizer`` (``tokenizer.json``).
* ``bart``: ``BartForConditionalGeneration`` of the same size with a byte-level
  BPE ``BartTokenizer`` trained on the corpus, generating like
  ``facebook/bart-large-cnn`` (decoder start ``</s>``, then a forced ``<s>``).
* ``mt5``: ``MT5ForConditionalGeneration`` (gated-GELU, untied output layer,
  embedding rows past the tokenizer's size, as the real mT5) with only
  ``spiece.model`` and ``tokenizer_config.json``, as the hub repo of
  ``csebuetnlp/mT5_multilingual_XLSum`` has. These two are the families of the
  shipped summarisers; ``models.toml`` does not name them (tests that need them
  write their own), so what it configures stays as it was.
* ``models.toml``: a model registry pointing at these directories by absolute
  path.

The weights are random, so **the output is gibberish by design**: these are real
architectures loaded through the real ``from_pretrained`` code path, good for
testing plumbing (tokenization, batching, truncation, generation, alignment),
never quality. To keep the plumbing testable, every model always produces
non-empty output for non-empty input, and its output has a fixed length: EOS,
padding, unknown and whitespace-only tokens are never generated, so
``generate(max_new_tokens=N)`` yields exactly N new tokens (greedy, so also
deterministic). Every model's ``generation_config.json`` lists those tokens in
``suppress_tokens``; ``generate`` applies it unless the caller overrides
``suppress_tokens`` itself. Marian models also carry it in their weights:
``final_logits_bias`` (saved in ``model.safetensors``) is -1e4 for those
tokens, which holds even for a caller that bypasses ``generate``. T5 has no
output bias, so the summarizers rely on ``generation_config.json`` alone.

Everything is deterministic: the SentencePiece model is trained in memory on a
fixed corpus with one thread and a fixed seed, and weights come from a seeded
``torch`` generator, so two builds give byte-identical files. Weights are saved
as safetensors only.
"""

from __future__ import annotations

import io
import json
import sys
import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sentencepiece as spm
import torch
from sentencepiece import sentencepiece_model_pb2
from tokenizers import ByteLevelBPETokenizer
from transformers import (
    AutoTokenizer,
    BartConfig,
    BartForConditionalGeneration,
    BartTokenizer,
    GenerationConfig,
    MarianConfig,
    MarianMTModel,
    MarianTokenizer,
    MT5Config,
    MT5ForConditionalGeneration,
    PreTrainedModel,
    T5Config,
    T5ForConditionalGeneration,
    T5Tokenizer,
)
from transformers.utils import logging as hf_logging

SEED = 1234
VOCAB_SIZE = 320
D_MODEL = 16
FFN_DIM = 32
HEADS = 2
MAX_POSITIONS = 256
SUPPRESSED_BIAS = -1.0e4  # fits float16 too
# Larger-than-default init so that outputs depend (a little) on the input.
MARIAN_INIT_STD = 0.2
T5_INIT_FACTOR = 5.0
EN_AR_PREFIX = ">>ara<<"

# T5 / SentencePiece id convention used when training the shared SPM model.
SPM_PAD, SPM_EOS, SPM_UNK = 0, 1, 2

MODELS_TOML = """\
# Tiny random models made by tests/make_tiny_models.py: real architectures, gibberish output.
[translate.ar-en]
model = {ar_en}
max_input_tokens = 128
max_new_tokens = 24
batch_size = 8
num_beams = 1

[translate.en-ar]
model = {en_ar}
prefix = {prefix}
max_input_tokens = 128
max_new_tokens = 24
batch_size = 8
num_beams = 1

[summarize.en]
model = {summarize_en}
max_input_tokens = 192
max_new_tokens = 24
num_beams = 1

[summarize.ar]
model = {summarize_ar}
max_input_tokens = 192
max_new_tokens = 24
num_beams = 1
"""

CORPUS: tuple[str, ...] = (
    "أنونيموس تتهم شركة CloudFlare بحماية مواقع تنظيم الدولة على الإنترنت",
    "شنت مجموعة قراصنة الإنترنت المعروفة هجومًا على شركة خدمات الويب",
    "#Anonymous would also like to encourage you to not use @CloudFlare services any longer.",
    "متهمةً إياها بحماية المواقع الإلكترونية التابعة لتنظيم الدولة الإسلامية من الهجمات",
    "وتحمي الشركة عملاءها من هجمات الحرمان من الخدمة الموزعة DDoS",
    "ردًا على هجمات باريس الأخيرة التي أوقعت 129 قتيلًا",
    "قال الرئيس إن الحكومة ستعلن عن خطة جديدة للاقتصاد الأسبوع المقبل.",
    "ارتفعت أسعار النفط في الأسواق العالمية اليوم بعد قرار منظمة أوبك.",
    "أعلنت وزارة الصحة عن تسجيل حالات جديدة في عدة مدن.",
    "التقى وزير الخارجية بنظيره الفرنسي في العاصمة لمناقشة الأزمة.",
    "فاز المنتخب الوطني بالمباراة النهائية وسط احتفالات الجماهير.",
    "أكد المتحدث باسم الشرطة أن التحقيقات ما زالت جارية.",
    "قالت الأمم المتحدة إن ملايين الأشخاص بحاجة إلى مساعدات إنسانية.",
    "شهدت البلاد أمطارًا غزيرة أدت إلى فيضانات في المناطق الشمالية.",
    "أطلقت الشركة هاتفًا ذكيًا جديدًا يدعم شبكات الجيل الخامس.",
    "يناقش البرلمان مشروع قانون جديد حول حماية البيانات الشخصية.",
    "وأضاف التقرير أن عدد المستخدمين تجاوز مليار شخص حول العالم.",
    "The hacker group Anonymous accused CloudFlare of protecting Islamic State websites.",
    "The company protects its customers from distributed denial of service attacks.",
    "The attacks came in response to the recent Paris attacks that killed 129 people.",
    "The president said the government will announce a new economic plan next week.",
    "Oil prices rose on world markets today after a decision by OPEC.",
    "The health ministry reported new cases in several cities.",
    "The foreign minister met his French counterpart in the capital to discuss the crisis.",
    "The national team won the final match amid celebrations by fans.",
    "A police spokesman confirmed that the investigation is still ongoing.",
    "The United Nations said millions of people need humanitarian aid.",
    "Heavy rain caused flooding in the northern regions of the country.",
    "The company launched a new smartphone that supports 5G networks.",
    "Parliament is debating a new bill on the protection of personal data.",
    "The report added that the number of users has passed one billion worldwide.",
    "Reuters reported on Monday that talks between the two sides had stalled.",
    "Security services said they had blocked thousands of suspicious connections.",
    "Internet traffic was rerouted through a content delivery network.",
    "ذكرت وكالة رويترز يوم الاثنين أن المحادثات بين الطرفين توقفت.",
    "وقالت الأجهزة الأمنية إنها حجبت آلاف الاتصالات المشبوهة.",
    "تمنع هجمات DDoS من النجاح في إغراق موقع إلكتروني بحركة بيانات هائلة.",
)


def train_spm() -> bytes:
    """Train a small unigram SentencePiece model in memory on ``CORPUS``.

    Returns:
        The serialized model proto. Ids follow the T5 convention
        (``<pad>`` 0, ``</s>`` 1, ``<unk>`` 2, no ``<s>``).
    """
    spm.set_random_generator_seed(SEED)
    writer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(CORPUS),
        model_writer=writer,
        model_type="unigram",
        vocab_size=VOCAB_SIZE,
        hard_vocab_limit=False,
        character_coverage=1.0,
        num_threads=1,
        pad_id=SPM_PAD,
        eos_id=SPM_EOS,
        unk_id=SPM_UNK,
        bos_id=-1,
        minloglevel=2,
    )
    return writer.getvalue()


def spm_pieces(model: bytes) -> list[str]:
    """List the ordinary (non-control, non-unknown) pieces of a SentencePiece model.

    Args:
        model: Serialized SentencePiece model.

    Returns:
        The pieces in id order.
    """
    sp = spm.SentencePieceProcessor(model_proto=model)
    return [
        sp.id_to_piece(i)
        for i in range(sp.get_piece_size())
        if not (sp.is_control(i) or sp.is_unknown(i))
    ]


def marian_vocab(pieces: list[str], extra: tuple[str, ...] = ()) -> dict[str, int]:
    """Build a Marian ``vocab.json`` mapping.

    Args:
        pieces: SentencePiece pieces, in order.
        extra: Extra tokens (language codes) to append after the pieces.

    Returns:
        ``</s>`` 0, ``<unk>`` 1, the pieces, the extras, and ``<pad>`` last.
    """
    tokens = ["</s>", "<unk>", *pieces, *extra, "<pad>"]
    return {token: index for index, token in enumerate(tokens)}


def blank_token_ids(tokenizer: MarianTokenizer | T5Tokenizer) -> list[int]:
    """Find the ids a model must never generate if its output is to be non-empty.

    Args:
        tokenizer: The model's tokenizer.

    Returns:
        Sorted ids of special tokens, language codes, and tokens that decode to
        whitespace only.
    """
    vocab = tokenizer.get_vocab()
    blank = set(tokenizer.all_special_ids)
    for token, index in vocab.items():
        text = tokenizer.convert_tokens_to_string([token])
        if not text.strip() or (token.startswith(">>") and token.endswith("<<")):
            blank.add(index)
    return sorted(blank)


def fixed_length_generation(model: PreTrainedModel, suppress: list[int]) -> None:
    """Configure greedy, fixed-length generation on ``model``.

    Args:
        model: Model whose ``generation_config`` is replaced.
        suppress: Token ids that are never generated (EOS included, so output
            always runs to ``max_new_tokens``).
    """
    config = model.config
    model.generation_config = GenerationConfig(
        decoder_start_token_id=config.decoder_start_token_id,
        pad_token_id=config.pad_token_id,
        eos_token_id=config.eos_token_id,
        max_new_tokens=24,
        num_beams=1,
        do_sample=False,
        suppress_tokens=suppress,
    )


def save_model(model: PreTrainedModel, outdir: Path) -> None:
    """Save ``model`` as safetensors into ``outdir``.

    Args:
        model: Model to save.
        outdir: Target directory (created if missing).
    """
    model.save_pretrained(outdir, safe_serialization=True)


def write_marian_tokenizer(model: bytes, vocab: dict[str, int], outdir: Path) -> MarianTokenizer:
    """Write a ``MarianTokenizer`` sharing one SentencePiece model for both sides.

    Args:
        model: Serialized SentencePiece model.
        vocab: Marian vocabulary (see ``marian_vocab``).
        outdir: Target directory (created if missing).

    Returns:
        The tokenizer, loaded from the written files.
    """
    with tempfile.TemporaryDirectory() as tmp:
        spm_path = Path(tmp, "joint.spm")
        spm_path.write_bytes(model)
        vocab_path = Path(tmp, "vocab.json")
        vocab_path.write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        tokenizer = MarianTokenizer(str(spm_path), str(spm_path), str(vocab_path))
        tokenizer.save_pretrained(outdir)
    return MarianTokenizer.from_pretrained(outdir)


def marian_config(vocab_size: int, pad: int) -> MarianConfig:
    """Describe a tiny Marian model.

    Args:
        vocab_size: Size of the shared source/target vocabulary.
        pad: Id of ``<pad>``, which is also the decoder start token.

    Returns:
        The config; ``</s>`` is id 0 and no EOS is forced at ``max_length``.
    """
    return MarianConfig(
        vocab_size=vocab_size,
        decoder_vocab_size=vocab_size,
        d_model=D_MODEL,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=HEADS,
        decoder_attention_heads=HEADS,
        encoder_ffn_dim=FFN_DIM,
        decoder_ffn_dim=FFN_DIM,
        max_position_embeddings=MAX_POSITIONS,
        pad_token_id=pad,
        eos_token_id=0,
        decoder_start_token_id=pad,
        forced_eos_token_id=None,
        scale_embedding=True,
        init_std=MARIAN_INIT_STD,
    )


def build_marian(model: bytes, outdir: Path, extra: tuple[str, ...], seed: int) -> None:
    """Write a tiny random ``MarianMTModel`` and its tokenizer to ``outdir``.

    Args:
        model: Serialized SentencePiece model.
        outdir: Target directory (created if missing).
        extra: Language-code tokens to add to the vocabulary.
        seed: Seed for the random weights.
    """
    vocab = marian_vocab(spm_pieces(model), extra)
    tokenizer = write_marian_tokenizer(model, vocab, outdir)
    torch.manual_seed(seed)
    mt = MarianMTModel(marian_config(len(vocab), vocab["<pad>"])).eval()
    suppress = blank_token_ids(tokenizer)
    with torch.no_grad():
        mt.final_logits_bias[0, suppress] = SUPPRESSED_BIAS
    fixed_length_generation(mt, suppress)
    save_model(mt, outdir)


def write_t5_tokenizer(model: bytes, outdir: Path) -> T5Tokenizer:
    """Write a ``T5Tokenizer`` (``tokenizer.json``) converted from a SentencePiece model.

    Args:
        model: Serialized SentencePiece model with T5 ids.
        outdir: Target directory (created if missing).

    Returns:
        The tokenizer, loaded from the written files.
    """
    proto = sentencepiece_model_pb2.ModelProto()
    proto.ParseFromString(model)
    tokenizer = T5Tokenizer(
        vocab=[(piece.piece, piece.score) for piece in proto.pieces],
        _spm_precompiled_charsmap=proto.normalizer_spec.precompiled_charsmap,
        extra_ids=0,
        model_max_length=512,
    )
    tokenizer.save_pretrained(outdir)
    return T5Tokenizer.from_pretrained(outdir)


def t5_config(vocab_size: int) -> T5Config:
    """Describe a tiny T5 model.

    Args:
        vocab_size: Vocabulary size.

    Returns:
        The config, with T5 ids: ``<pad>`` 0 (also decoder start), ``</s>`` 1.
    """
    return T5Config(
        vocab_size=vocab_size,
        d_model=D_MODEL,
        d_kv=D_MODEL // HEADS,
        d_ff=FFN_DIM,
        num_layers=1,
        num_decoder_layers=1,
        num_heads=HEADS,
        relative_attention_num_buckets=8,
        relative_attention_max_distance=32,
        pad_token_id=SPM_PAD,
        eos_token_id=SPM_EOS,
        decoder_start_token_id=SPM_PAD,
        feed_forward_proj="relu",
        tie_word_embeddings=True,
        initializer_factor=T5_INIT_FACTOR,
    )


def build_t5(model: bytes, outdir: Path, seed: int) -> None:
    """Write a tiny random ``T5ForConditionalGeneration`` and its tokenizer to ``outdir``.

    Args:
        model: Serialized SentencePiece model with T5 ids.
        outdir: Target directory (created if missing).
        seed: Seed for the random weights.
    """
    tokenizer = write_t5_tokenizer(model, outdir)
    torch.manual_seed(seed)
    t5 = T5ForConditionalGeneration(t5_config(len(tokenizer))).eval()
    fixed_length_generation(t5, blank_token_ids(tokenizer))
    save_model(t5, outdir)


BART_VOCAB_SIZE = 600
BART_SPECIAL = ("<s>", "<pad>", "</s>", "<unk>", "<mask>")  # BART's ids 0..4
MT5_EXTRA_ROWS = 8  # mT5's embedding has rows no token uses (250112 vs 250100)


def build_bart(outdir: Path, seed: int) -> None:
    """Write a tiny random BART summariser with a byte-level BPE tokenizer to ``outdir``.

    It generates as ``facebook/bart-large-cnn`` does: the decoder starts with ``</s>``
    and ``<s>`` is forced first (``forced_bos_token_id``).

    Args:
        outdir: Target directory (created if missing).
        seed: Seed for the random weights.
    """
    outdir.mkdir(parents=True, exist_ok=True)
    bpe = ByteLevelBPETokenizer()
    bpe.train_from_iterator(
        list(CORPUS), vocab_size=BART_VOCAB_SIZE, min_frequency=1,
        special_tokens=list(BART_SPECIAL), show_progress=False,
    )  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        bpe.save_model(tmp)  # vocab.json and merges.txt, as the hub repos have
        BartTokenizer.from_pretrained(tmp).save_pretrained(outdir)
    tokenizer = BartTokenizer.from_pretrained(outdir)
    torch.manual_seed(seed)
    config = BartConfig(
        vocab_size=len(tokenizer), d_model=D_MODEL, encoder_layers=1, decoder_layers=1,
        encoder_attention_heads=HEADS, decoder_attention_heads=HEADS,
        encoder_ffn_dim=FFN_DIM, decoder_ffn_dim=FFN_DIM, max_position_embeddings=MAX_POSITIONS,
        pad_token_id=tokenizer.pad_token_id, bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id, decoder_start_token_id=tokenizer.eos_token_id,
        forced_eos_token_id=tokenizer.eos_token_id, init_std=MARIAN_INIT_STD,
    )  # fmt: skip
    model = BartForConditionalGeneration(config).eval()
    # <s> is forced first, so it cannot be suppressed too (transformers checks that).
    suppress = [i for i in blank_token_ids(tokenizer) if i != tokenizer.bos_token_id]
    fixed_length_generation(model, suppress)
    model.generation_config.bos_token_id = tokenizer.bos_token_id
    model.generation_config.forced_bos_token_id = tokenizer.bos_token_id
    save_model(model, outdir)


def build_mt5(model: bytes, outdir: Path, seed: int) -> None:
    """Write a tiny random mT5 with only ``spiece.model`` as its tokenizer to ``outdir``.

    Args:
        model: Serialized SentencePiece model with T5 ids.
        outdir: Target directory (created if missing).
        seed: Seed for the random weights.
    """
    outdir.mkdir(parents=True, exist_ok=True)
    (outdir / "spiece.model").write_bytes(model)
    settings = {"tokenizer_class": "T5Tokenizer", "eos_token": "</s>", "unk_token": "<unk>",
                "pad_token": "<pad>", "extra_ids": 0, "model_max_length": 512}  # fmt: skip
    (outdir / "tokenizer_config.json").write_text(json.dumps(settings, indent=1), encoding="utf-8")
    tokenizer = AutoTokenizer.from_pretrained(outdir)
    torch.manual_seed(seed)
    config = MT5Config(
        vocab_size=len(tokenizer) + MT5_EXTRA_ROWS, d_model=D_MODEL, d_kv=D_MODEL // HEADS,
        d_ff=FFN_DIM, num_layers=1, num_decoder_layers=1, num_heads=HEADS,
        relative_attention_num_buckets=8, relative_attention_max_distance=32,
        pad_token_id=SPM_PAD, eos_token_id=SPM_EOS, decoder_start_token_id=SPM_PAD,
        feed_forward_proj="gated-gelu", tie_word_embeddings=False,
        initializer_factor=T5_INIT_FACTOR,
    )  # fmt: skip
    mt5 = MT5ForConditionalGeneration(config).eval()
    extra = list(range(len(tokenizer), config.vocab_size))
    fixed_length_generation(mt5, blank_token_ids(tokenizer) + extra)
    save_model(mt5, outdir)


def toml_string(value: str) -> str:
    """Quote ``value`` as a TOML basic string.

    Args:
        value: Any string, e.g. a filesystem path.

    Returns:
        A double-quoted TOML string. JSON escaping is valid TOML once non-ASCII
        text is kept literal (no surrogate-pair escapes) and DEL is escaped.
    """
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def models_toml(outdir: Path) -> str:
    """Render the ``models.toml`` registry for the tiny models in ``outdir``.

    Args:
        outdir: Absolute directory holding the model directories.

    Returns:
        TOML text with absolute model paths.
    """
    return MODELS_TOML.format(
        ar_en=toml_string(str(outdir / "ar-en")),
        en_ar=toml_string(str(outdir / "en-ar")),
        prefix=toml_string(EN_AR_PREFIX),
        summarize_en=toml_string(str(outdir / "summarize-en")),
        summarize_ar=toml_string(str(outdir / "summarize-ar")),
    )


@contextmanager
def quiet() -> Iterator[None]:
    """Silence progress bars and the sacremoses hint while building.

    Yields:
        Nothing; the previous progress-bar setting is restored on exit.
    """
    bars = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Recommended: pip install sacremoses")
            yield
    finally:
        if bars:
            hf_logging.enable_progress_bar()


def build_tiny_models(outdir: Path) -> Path:
    """Build all tiny models and their registry under ``outdir``.

    Args:
        outdir: Output directory; created if missing.

    Returns:
        Absolute path of the written ``models.toml``.
    """
    outdir = Path(outdir).resolve()
    outdir.mkdir(parents=True, exist_ok=True)
    model = train_spm()
    with quiet():
        build_marian(model, outdir / "ar-en", (), SEED + 1)
        build_marian(model, outdir / "en-ar", (EN_AR_PREFIX,), SEED + 2)
        build_t5(model, outdir / "summarize-en", SEED + 3)
        build_t5(model, outdir / "summarize-ar", SEED + 4)
        build_bart(outdir / "bart", SEED + 5)
        build_mt5(model, outdir / "mt5", SEED + 6)
    registry = outdir / "models.toml"
    registry.write_text(models_toml(outdir), encoding="utf-8")
    return registry


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: ``python tests/make_tiny_models.py OUTDIR``.

    Args:
        argv: Arguments without the program name; defaults to ``sys.argv[1:]``.

    Returns:
        Process exit status.
    """
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: make_tiny_models.py OUTDIR", file=sys.stderr)
        return 2
    print(build_tiny_models(Path(args[0])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
