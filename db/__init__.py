"""SQLite and Datasette: load extracted records with sqlite-utils and browse them.

``load`` writes one document per transaction; ``schema`` defines the tables, indexes,
full-text search and journey views; ``metadata`` turns the Pydantic field descriptions
into Datasette metadata; ``serve`` starts a read-only Datasette on it.
"""
