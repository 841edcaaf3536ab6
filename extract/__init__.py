"""Read papers and parse them into records.

read (``readers``) -> structure (``structure``) -> parse (``parsers``) -> validate
(``schemas``) -> export (``export``); ``cli`` is the thin front door.
"""

# Bump when a parser's output changes: record ids and the incremental build key on it.
PARSER_VERSION = "0.1.0"
