"""The geometry tolerances of the PDF reader, named in one place (as pdfplumber names its
``TableSettings``).

Units, by the end of each field's name:

- ``_pt``: PDF points (1/72 inch), as pdfplumber gives positions;
- ``_em``: a multiple of the font size in play (1 em = the size of the line or word the
  rule looks at; the field's comment says which);
- ``_ratio``: one size or length as a fraction of another (the comment says which);
- ``_of_page_width`` / ``_of_page_height``: a fraction of the page's width or height;
- ``_share``: a fraction of the rows (or lines) the rule counts;
- ``_rows``: a number of rows, the evidence a layout rule wants before it acts;
- ``_count``: a number of other things (the field's comment says what).

``DEFAULT`` is what ``read_pdf`` uses; pass another ``ReaderSettings`` (e.g.
``dataclasses.replace(DEFAULT, paragraph_gap_em=1.0)``) to try other tolerances. The values
are those the corpus and the test layouts were tuned on: changing one changes the output.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReaderSettings:
    # --- what a page shows (pdf_page) ---------------------------------------------------------
    # Characters more than 1 pt off the page box are not on the page (an HTML print carries the
    # whole table on every page): the page is cropped to its box when any are found.
    off_page_tolerance_pt: float = 1.0
    # A page whose clipping rectangles are all one box (each edge within 2 pt: the same
    # printable area set again for each run of text), with all its text drawn inside them,
    # shows only that box. Past 64 clips a page is clipping cells or pictures, not a print area.
    clip_same_box_pt: float = 2.0
    clip_max_count: int = 64
    # Text set on its side: characters whose centres lie within 2 pt across the line are one
    # line, and a gap along it wider than 0.25 em (of the size) is a word space.
    rotated_line_band_pt: float = 2.0
    rotated_word_gap_em: float = 0.25

    # --- words into rows and chunks (pdf_layout) ----------------------------------------------
    # Footnote references: small raised digits glued after a word ("recovery⁷").
    superscript_size_ratio: float = 0.8  # a reference is set under 0.8 of the line's main size
    superscript_raise_em: float = 0.15  # and its bottom is 0.15 em (main size) above the line's bottom
    # An ordinal suffix ("th" set raised after "17") joins its number when it starts within
    # 0.6 em (of the line's main size) of it: a word space, not a column gap.
    ordinal_gap_em: float = 0.6
    # Words join a row when they overlap the row's height band by over half the smaller height:
    # a superscript overlaps its line by more than that, the next line not at all.
    row_overlap_ratio: float = 0.5
    # Gaps measured in font sizes never count a size below 6 pt, so tiny print (a 4 pt footer)
    # does not split at every word space.
    gap_font_floor_pt: float = 6.0
    # Two and a half times the font size: wider than any justified word space seen in the
    # corpus (about 1x), narrower than the gap before a margin column of initials (30pt+).
    chunk_gap_em: float = 2.5

    # --- running headers and footers, text edges, sizes (pdf_layout) ---------------------------
    header_zone_of_page_height: float = 0.1  # running headers sit in the top 10% of the page
    footer_zone_of_page_height: float = 0.1  # and footers in the bottom 10%
    # "About the same height" on every page: tops rounded to 6 pt bands, the bands either side
    # counted too, so a header that moves a point or two between pages still repeats.
    running_band_pt: float = 6.0
    # The body text's right edge is where 90% of the long lines have ended: the few that run
    # into the margin (a URL, a long figure) do not move it.
    right_edge_line_share: float = 0.9
    default_body_size_pt: float = 10.0  # the body size when there are no lines to count
    heading_size_step_pt: float = 1.0  # a heading size is 1 pt or more above the body size

    # --- tables set as text in aligned columns (pdf_regions) ----------------------------------
    # A cell gap in a text-aligned table: 1.5x the font size. Word's and Excel's exported
    # tables leave 15-40pt between columns; justified prose stretches word spaces to about 1x
    # at most, so one wide gap alone never makes a table: the gaps must line up over 3+ rows.
    aligned_cell_gap_em: float = 1.5
    aligned_min_rows: int = 3
    # Rows of one run are no more than 1.6x the font size apart: a table's row pitch, not a
    # new section.
    aligned_row_gap_em: float = 1.6
    # A one-cell line under half the font size below the row above: a cell's text wrapped to a
    # second line.
    aligned_wrap_gap_em: float = 0.5
    # A column separator is a white gap no word crosses, at least 0.8x the font size wide:
    # wider than a word space (about 0.3x), so a chance alignment of spaces is not a column.
    aligned_column_gap_em: float = 0.8
    # Most rows (60%, and at least aligned_min_rows) fill 2+ columns; fewer is prose with a
    # stray wide gap.
    aligned_filled_rows_share: float = 0.6

    # --- two text columns (pdf_regions) -------------------------------------------------------
    two_column_min_page_rows: int = 6  # a page with fewer rows is too little to find a gutter on
    # The gutter is looked for in the middle of the page, 30-70% of its width: columns nearer
    # an edge are a margin or a key-and-value list.
    gutter_search_start_of_page_width: float = 0.3
    gutter_search_end_of_page_width: float = 0.7
    # At most 10% of the rows may cross the gutter (full-width headings over the columns).
    gutter_max_crossing_share: float = 0.1
    gutter_min_width_pt: float = 6.0  # narrower than any gutter: a chance alignment of word spaces
    gutter_edge_tolerance_pt: float = 0.5  # the gutter is found on whole points: half a point either way
    # Each column is at least a quarter of the page wide: an Action column of initials or a
    # key-and-value list has a gap in the middle too, but not two columns of prose.
    column_min_of_page_width: float = 0.25
    # A row of prose fills 60%+ of its column's width on both sides of the gutter.
    column_prose_fill_ratio: float = 0.6
    two_column_min_rows: int = 3  # rows with prose on both sides before a stretch is two columns

    # --- ruled tables (pdf_tables) ------------------------------------------------------------
    table_bbox_tolerance_pt: float = 1.0  # a word whose centre is within 1 pt of the table's box is in it
    # A cell's text wraps short of its right rule by the cell's padding: 4 pt is less than
    # Word's default (0.08 in, 5.8 pt), so a line that filled its cell still counts as full.
    cell_padding_pt: float = 4.0
    # A cell line was wrapped when the room left after it is under the next line's first word,
    # a word space (0.6 em of the line's size, generous for Arial's 0.28) and 6 pt slack.
    cell_wrap_space_em: float = 0.6
    cell_wrap_slack_pt: float = 6.0
    # Filled boxes more than 2 pt apart on every side do not make a grid: a diagram's boxes.
    diagram_box_gap_pt: float = 2.0
    # A ruling drawn as a rectangle is at most this thick; a cell fill is wider.
    hairline_pt: float = 1.5
    # Rectangles and lines up to 2 pt outside a table's box are its own (a rule's width puts it
    # just past the edge pdfplumber reports).
    regrid_bbox_tolerance_pt: float = 2.0
    # A re-found grid replaces the first only over the same box: each edge within 3 pt.
    regrid_same_box_pt: float = 3.0
    cell_centre_tolerance_pt: float = 0.5  # a word's centre on a cell's rule counts as inside it
    # An empty ruled row is kept when it is full height (0.6 em of the body size or more);
    # hairline spacer rows are thinner.
    empty_row_min_height_em: float = 0.6
    # ... unless over 30% of the rows are empty: then they are ruling artefacts and all go.
    many_empty_rows_share: float = 0.3
    # A table is found again inside its own rules when they reach 3 pt or more past what was
    # found (less is a rule's width); the crop takes 1 pt more each side, for the rules themselves.
    refind_min_growth_pt: float = 3.0
    refind_crop_pad_pt: float = 1.0
    # ... and, if that fails, without edges shorter than 8 pt (a logo's strokes, not rules).
    refind_short_edge_pt: float = 8.0
    # An unruled line of column labels set on a table's top rule: its bottom within half an em
    # of the rule (of the line's size), each column's label 40 characters at most.
    header_above_gap_em: float = 0.5
    header_above_max_chars_count: int = 40
    # A strip of column labels drawn apart from its table: at most 3 of the table's first row
    # heights above it (room for one title line between).
    header_strip_gap_em: float = 3.0
    # Fragments of one table across a break: outer (and inner) column edges within 3 pt.
    table_edge_tolerance_pt: float = 3.0

    # --- blocks: margins, paragraphs, footnotes, lists (pdf) ----------------------------------
    # A note in the left margin ends 6 pt or more short of the body's left edge (a clear gap);
    # one in the right margin starts past the body's right edge, or within 2 pt of it.
    margin_left_gap_pt: float = 6.0
    margin_right_slack_pt: float = 2.0
    # A table belongs to the right column of a two-column stretch unless its left edge is 3 pt
    # or more left of that column.
    region_column_slack_pt: float = 3.0
    # A margin note goes beside the block whose box, 3 pt taller above and 1 pt below, holds
    # the note's top: a note level with the first line may be set a little higher.
    margin_above_block_pt: float = 3.0
    margin_below_block_pt: float = 1.0
    # White space between lines that means a new paragraph: over 0.6 of the font size (the
    # corpus renderings set lines 0.15x apart and paragraphs 1x; Word letters 0.3x / 1.7x).
    paragraph_gap_em: float = 0.6
    # A bullet alone on its line takes the next line as its item if it is within 2 em.
    lone_bullet_gap_em: float = 2.0
    # Lines of one paragraph are one size: their sizes (rounded to half points) differ by 0.5 at most.
    same_size_tolerance_pt: float = 0.6
    # A line was wrapped when the room left at the right edge is under the next line's first
    # word plus a word space (0.3 em of the line above: Arial's is 0.28), and a further quarter
    # em and 2 pt of slack for kerning and the rounding of glyph boxes.
    wrap_space_em: float = 0.3
    wrap_slack_em: float = 0.25
    wrap_slack_pt: float = 2.0
    # A line joins a paragraph only if it starts no more than 3 pt left of the paragraph's
    # first line: a line set further out starts something new.
    paragraph_indent_slack_pt: float = 3.0
    # Footnotes are set 1 pt or more below the body size, and start in the lower half of
    # the page (small print higher up is a caption or a note, not the page's footnotes).
    footnote_size_below_body_pt: float = 1.0
    footnote_min_top_of_page_height: float = 0.5
    # A leading number under 0.85 of the next word's size is a footnote marker set small.
    superscript_marker_size_ratio: float = 0.85
    # A bullet item starting over 12 pt right of the leftmost bullets is a nested item.
    nested_bullet_indent_pt: float = 12.0


DEFAULT = ReaderSettings()
