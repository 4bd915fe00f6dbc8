"""Never lose the secretary's work: recovery copies, locks, signals, disk watch, inert text.

Pure Python: nothing here imports Textual. The editor wires these pieces to its timers,
dialogs and save path; see docs/SAFETY.md for the guarantees.
"""
