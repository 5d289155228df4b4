"""``python -m summarize``."""

from summarize._entry import main_entry

main_entry()
