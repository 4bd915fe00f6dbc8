"""Text rules shared by the editor, the importer and storage: pure Python (no Textual, no
tomlkit), so every place that reads what a person wrote reads it the same way.

``when``: dates, times of day, time ranges and durations as Danes and English speakers write
them.
"""
