"""The Textual explorer. Widgets render and dispatch; data rules live in the data layers."""
