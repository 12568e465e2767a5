"""Build scripts for the shipped models and tables (need ../shared and the `build` extra)."""
