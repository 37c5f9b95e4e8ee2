"""Lesson editing: the editor window, its fields and preview, new lessons, the lessons
folder watcher, Check My Content, and the authoring actions of the File, Edit and Tools
menus."""
