"""The classroom in the window: a student's progress (library marks, saved quiz answers,
the My progress page, export), the teacher's class table, bookmarks in the sidebar and
the Go menu, and View > Teacher Tools, which shows or hides the teacher's tools.

explorer.ui.classroom.install wires them into the window; the models and files are
explorer.core.classroom and explorer.store.classroom_files.
"""
