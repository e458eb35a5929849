"""Tunables of the segmenter (articles, furniture, language per article, sentences)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SegmentConfig:
    """Settings of the segment stage."""

    min_lang_words: int = 10  # words a paragraph needs before its language counts
    confident_share: float = 0.75  # share of one language that makes a paragraph's label confident
    min_article_lang_words: int = 25  # words an article needs before its language is trusted
    min_copy_words: int = 4  # words a line needs to be dropped as a cut copy of a later sentence's start
    copy_window: int = 40  # content lines after a line searched for the sentence it is a cut copy of
    max_dated_title_words: int = 60  # a longer line above a date line, under other text, is no title
    max_running_head_words: int = 3  # words a running head adds to the title it repeats ("- Page 2")
    max_title_words: int = 50  # a line repeated on the next line is a title (a longer one, a duplicate)
    min_repeats: int = 3  # a line template recurring in this many places of one file is furniture
    min_attached_repeats: int = 2  # a line recurring this often, each time closing a stack under recurring furniture, is furniture
    min_repeat_articles: int = 3  # a sentence recurring in this many articles of a run is furniture
    min_passage_articles: int = 3  # a long paragraph recurring in this many articles of a run is furniture (in two: reused prose)
    repeat_context: int = 6  # lines (sentences) on each side that tell a copy from another place of a recurring one
    min_passage_words: int = 15  # words a paragraph needs to count as a passage written once per story
    max_template_words: int = 40  # lines up to this long also recur as templates (names, digits masked)
    max_field_words: int = 30  # "Label: value" lines up to this long recur as fields by their label
    max_wildcard_words: int = 12  # lines up to this long also recur with one word varying (a name, a count)
    max_sentence_template_words: int = 20  # sentences up to this long recur across a run with one word varying
    min_template_literals: int = 5  # lower-case words a sentence template keeps to recur across a run's articles
    min_title_link_words: int = 3  # a body sentence repeating another article's title links to it from this long
    restated_title_lines: int = 3  # a line wrapping a headline this few lines from it restates it, links nothing
    min_restated_words: int = 6  # first words a header line shares with a Markdown page's "# TITLE" to name that headline (no new article)
    min_wrapped_title_words: int = 2  # a line wrapping a headline in a few words ("Next post: TITLE") links to it from this long
    max_meta_head_words: int = 6  # longest line over a date line that recurs by its first two words as meta ("Filed under NAME")
    max_meta_words: int = 4  # words besides a date that a date line may hold ("Posted by NAME » DATE")
    max_prefix_words: int = 6  # longest dateline prefix ("JAKARTA, SITE.com --") stripped by repetition
    page_edge_lines: int = 3  # lines at the top and at the bottom of a page (between form feeds) that may be its furniture
    min_running_head_words: int = 2  # words of a page-edge line that opens another page's edge line ("NAME" / "NAME | Section")
    max_comment_lines: int = 6  # lines a reader's comment holds under its speaker and date line
    max_label_words: int = 4  # a line this short without a sentence end may be a menu item or label
    min_link_labels: int = 3  # a line alone made of this many short link labels ("[21]Word [22]Word") leads elsewhere
    max_placeholder_caption_words: int = 40  # a block this long right under an image's placeholder ("[IMG]") is its caption
    max_byline_lines: int = 2  # lines (bylines) a story's headline may stand above its date line
    min_photo_label_repeats: int = 2  # a short line over a photo's caption in this many places of a file labels the photo ("See photo")
    min_furniture_block_share: float = 0.75  # share of furniture that makes a block of stacked lines (a toolbar) all furniture
    min_label_run: int = 3  # stacked labels above an article's first line are a menu (2 at a file's top)
    max_wrap_width: int = 120  # widest line of a hard-wrapped file
    min_hyphenated_share: float = 0.03  # share of wrapped lines ending in a letter and a hyphen: the file may hyphenate words
    min_broken_share: float = 0.5  # ... when this share of its line-end breaks split no compound (neither part a word of the file)
    min_wrapped_share: float = 0.3  # share of content characters in lines near the width that makes a file hard-wrapped
    min_wrapped_lines: int = 4  # lines followed by another a file needs before it shows its wrap width
    examples_per_rule: int = 3  # removed lines kept per rule for the report
    family_min_words: int = 3  # distinctive words that let a family member (ms vs id) overrule cld2
    family_word_ratio: float = 2.0  # ... when it has this many times the distinctive words of cld2's choice

    def __post_init__(self) -> None:
        for name in ("confident_share", "min_wrapped_share", "min_hyphenated_share",
                     "min_broken_share", "min_furniture_block_share"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ValueError(f"{name} must lie between 0 and 1, not {getattr(self, name)}")
        for name in ("min_repeats", "min_attached_repeats", "min_repeat_articles", "min_passage_articles",
                     "min_label_run", "min_photo_label_repeats"):
            if getattr(self, name) < 2:
                raise ValueError(f"{name} must be at least 2 (a line seen once is never furniture by repetition)")
        for name in ("examples_per_rule", "max_prefix_words", "max_label_words", "max_wrap_width", "repeat_context",
                     "min_wrapped_lines", "min_running_head_words", "min_link_labels",
                     "max_placeholder_caption_words", "max_byline_lines"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative, not {getattr(self, name)}")
