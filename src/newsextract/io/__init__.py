"""Inputs: files, folders and JSONL (``inputs``), bytes to text (``decoding``), HTML,
the text structure and dateline, and date strings (``dateutil``)."""
