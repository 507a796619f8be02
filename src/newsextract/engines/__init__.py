"""What the engines share: ``stream`` (in-order, bounded, crash-isolating)."""
