"""The command line: ``app`` (the Typer commands), the renderers, progress, summaries."""
