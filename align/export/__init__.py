"""Export aligned segment pairs: TMX 1.4b, Bitextor-style TSV, Moses plain text, and the hygiene filters.

Every writer takes an iterable of :class:`align.records.AlignedPair`, cleans each segment with
:func:`align.export.text.clean_segment`, writes atomically and returns the number of units written.
"""
