"""The classroom without accounts: a student's reading progress and quiz answers, the
class table a teacher merges from the students' exported files, and bookmarks.

Plain Python (no Qt, no SQL): the models, their documents (the JSON the files hold),
scoring, merging, and the "My progress" page. The files themselves are read and written
by explorer.store.classroom_files; the formats are documented in docs/classroom.md.
"""
