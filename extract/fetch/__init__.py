"""Fetch papers from a council's committee website into a folder ``build`` reads.

:mod:`.moderngov` is the client for ModernGov sites (its web service, with its pages as the
fallback); :mod:`.manifest` is the record of what was fetched, from where, for which committee
and meeting, which ``build`` reads as the papers' metadata of record.
"""
