"""CSV import: exact per-row errors, all or nothing, update or skip, undo."""

import codecs
from dataclasses import replace

import pytest

from explorer.store.authoring import save_partnership
from explorer.store.catalog import Catalog
from explorer.store.csv_import import ImportRefusedError, import_csv, preview_csv
from explorer.store.import_files import last_import, undo_last_import
from tests.store.conftest import database_rows

HEADER = "slug,name,type,start_year,end_year,status,domain,partners\n"
GOOD = "moon-base,Moon Base,multilateral,2030,,planned,lunar,NASA; ESA\n"


def rows(text: str) -> str:
    return HEADER + text


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("bom", codecs.BOM_UTF8 + rows(GOOD).encode(), "Moon Base"),
        (
            "windows-1252",
            rows(
                "coop,Coopération “spatiale”,bilateral,1990,1995,completed,planetary,CNES\n"
            ).encode("cp1252"),
            "Coopération “spatiale”",
        ),
        (
            "semicolons",
            (
                HEADER.replace(",", ";")
                + 'moon-base;Moon Base;multilateral;2030;;planned;lunar;"NASA; ESA"\n'
            ).encode(),
            "Moon Base",
        ),
        (
            "quoted newlines",
            (
                b"slug,name,type,start_year,status,domain,description\n"
                b'moon-base,Moon Base,multilateral,2030,planned,lunar,"One.\r\n'
                b'Two."\n'
            ),
            "Moon Base",
        ),
    ],
)
def test_files_from_spreadsheets_import(store, paths, tmp_path, name, data, expected):
    path = tmp_path / f"{name}.csv"
    path.write_bytes(data)
    preview = preview_csv(path, store)
    assert preview.all_problems() == []
    result = import_csv(preview, store, paths)
    assert result.added == 1
    record = store.get(preview.rows[0].slug)
    assert record.name == expected and record.origin == "user"


@pytest.mark.parametrize(
    ("text", "messages"),
    [
        (
            "title,type,domain\nMoon Base,bilateral,lunar\n",
            [
                "{f}:1: start year: required column is missing (map one with "
                "start_year=COLUMN, or give every row one value with --set start_year=VALUE)"
            ],
        ),
        (
            rows(
                GOOD + "mars,Mars,bilateral,twenty,,active,planetary,NASA\n"
                "venus,Venus,bilateral,2001,1999,completed,planetary,ESA\n"
            ),
            [
                "{f}:3: start_year: 'twenty' is not a year or a date",
                "{f}:4: end_year: end year 1999 is before start year 2001",
            ],
        ),
        (
            rows(
                GOOD
                + "mars,Mars,bilateral,2001,,active,planetary,NASA\n"
                + GOOD.replace("Moon Base", "Moon Base 2")
            ),
            ["{f}:4: slug: the slug 'moon-base' is also on row 2"],
        ),
        (
            rows(
                'mars,"Mars\nsample return",bilateral,2001,,active,planetary,NASA\n'
                "venus,Venus,bilateral,2001,,done,planetary,ESA\n"
            ),
            [
                "{f}:3: status: status must be one of active, completed, cancelled, suspended, "
                "planned"
            ],
        ),
    ],
    ids=["missing required column", "bad years", "duplicate slugs", "row after a newline"],
)
def test_bad_rows_give_exact_errors_and_nothing_is_written(store, paths, write_csv, text, messages):
    path = write_csv(text)
    before = database_rows(store.db)
    preview = preview_csv(path, store)
    assert [str(p) for p in preview.all_problems()] == [m.format(f=path) for m in messages]
    with pytest.raises(ImportRefusedError) as refused:
        import_csv(preview, store, paths)
    assert [str(p) for p in refused.value.problems] == [m.format(f=path) for m in messages]
    assert database_rows(store.db) == before
    assert last_import(store) is None
    assert not (paths.data_dir / "imports").exists()


def test_skip_invalid_imports_the_valid_rows_only(store, paths, write_csv):
    path = write_csv(rows(GOOD + "mars,Mars,bilateral,twenty,,active,planetary,NASA\n"))
    result = import_csv(preview_csv(path, store), store, paths, skip_invalid=True)
    assert (result.added, result.invalid) == (1, 1)
    assert store.get("moon-base") is not None and store.get("mars") is None


def test_preview_classifies_new_changed_unchanged_and_invalid(store, write_csv):
    path = write_csv(
        "slug,name,type,start_year,end_year,status,domain\n"
        "apollo-soyuz-test-project,Apollo-Soyuz Test Project (ASTP),bilateral,1975,1975,"
        "completed,human-spaceflight\n"
        "exomars-esa-roscosmos,ExoMars (renamed),bilateral,2013,2022,cancelled,planetary\n"
        "moon-base,Moon Base,multilateral,2030,,planned,lunar\n"
        "bad,Bad,bilateral,1800,,active,lunar\n"
    )
    preview = preview_csv(path, store)
    assert [(r.slug, r.status) for r in preview.rows] == [
        ("apollo-soyuz-test-project", "unchanged"),
        ("exomars-esa-roscosmos", "changed"),
        ("moon-base", "new"),
        ("bad", "invalid"),
    ]
    assert preview.rows[1].changed == ("name",)
    assert preview.counts() == {"new": 1, "changed": 1, "unchanged": 1, "invalid": 1}


def test_existing_slugs_are_updated_or_skipped(store, paths, write_csv):
    path = write_csv(
        "slug,name,type,start_year,status,domain\n"
        "exomars-esa-roscosmos,ExoMars (renamed),bilateral,2012,suspended,planetary\n"
    )
    skipped = import_csv(preview_csv(path, store), store, paths, on_existing="skip")
    assert skipped.skipped == 1 and store.get("exomars-esa-roscosmos").name != "ExoMars (renamed)"
    kept = import_csv(preview_csv(path, store), store, paths, on_existing="update")
    assert (kept.updated, kept.kept_bundled) == (0, 1)  # it comes with the app: kept
    updated = import_csv(preview_csv(path, store), store, paths, update_bundled=True)
    record = store.get("exomars-esa-roscosmos")
    assert updated.updated == 1 and record.name == "ExoMars (renamed)"
    assert (record.origin, record.edited) == ("bundled", True)
    assert record.partners and record.citations  # columns the file lacks keep their values


def test_an_edited_bundled_row_survives_a_bundled_refresh(paths, catalog, write_csv, content_dir):
    store = catalog.partnerships
    path = write_csv(
        "slug,name,type,start_year,status,domain\n"
        "exomars-esa-roscosmos,My ExoMars,bilateral,2012,suspended,planetary\n"
    )
    import_csv(preview_csv(path, store), store, paths, update_bundled=True)
    catalog.close()
    source = content_dir / "partnerships" / "exomars-esa-roscosmos.yaml"
    source.write_text(source.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    reopened = Catalog.open(paths)
    assert reopened.refresh.changed
    assert reopened.partnerships.get("exomars-esa-roscosmos").name == "My ExoMars"
    reopened.close()


def test_unknown_partners_become_teacher_partners(store, paths, write_csv):
    partners = "National Aeronautics and Space Administration; Blue Origin [lander]"
    path = write_csv(rows(f'moon-base,Moon Base,multilateral,2030,,planned,lunar,"{partners}"\n'))
    preview = preview_csv(path, store)
    assert [p.slug for p in preview.new_partners] == ["blue-origin"]
    result = import_csv(preview, store, paths)
    assert result.partners_created == 1
    record = store.get("moon-base")
    assert [(p.partner.slug, p.role) for p in record.partners] == [
        ("nasa", ""),
        ("blue-origin", "lander"),
    ]
    origin = store.db.execute("select origin from partners where slug = 'blue-origin'").fetchone()
    assert origin == ("user",)


def test_a_failure_mid_import_rolls_everything_back(store, paths, write_csv):
    body = "".join(
        f"m-{i},Mission {i},bilateral,2000,,active,lunar,Blue Origin\n" for i in range(5)
    )
    preview = preview_csv(write_csv(rows(body)), store)
    before = database_rows(store.db)

    def fail_half_way(stage, done, total):
        if stage == "writing" and done >= 2:
            raise OSError("disk unplugged")

    with pytest.raises(OSError, match="disk unplugged"):
        import_csv(preview, store, paths, progress=fail_half_way)
    assert database_rows(store.db) == before
    assert last_import(store) is None
    assert list((paths.data_dir / "imports").glob("*")) == []


def test_progress_reports_each_stage(store, paths, write_csv):
    seen = []
    preview = preview_csv(write_csv(rows(GOOD)), store, progress=lambda *a: seen.append(a))
    import_csv(preview, store, paths, progress=lambda *a: seen.append(a))
    assert seen == [
        ("reading", 0, 1),
        ("checking", 0, 1),
        ("checking", 1, 1),
        ("writing", 0, 1),
        ("writing", 1, 1),
        ("indexing", 0, 1),
        ("indexing", 1, 1),
    ]


def test_undo_puts_back_what_the_import_changed(store, paths, write_csv):
    before = database_rows(store.db)
    path = write_csv(
        rows(
            GOOD.replace("NASA; ESA", "Blue Origin")
            + "exomars-esa-roscosmos,ExoMars 2,bilateral,2012,,suspended,"
            "planetary,ESA\n"
        )
    )
    import_csv(preview_csv(path, store), store, paths, update_bundled=True)
    assert store.get("exomars-esa-roscosmos").name == "ExoMars 2"
    report = undo_last_import(store, paths)
    assert (report.removed, report.restored, report.kept) == (1, 1, ())
    assert database_rows(store.db) == before
    assert last_import(store) is None
    assert [p.name for p in (paths.data_dir / "trash").rglob("*.json")] != []


def test_undo_keeps_a_row_edited_after_the_import(store, paths, write_csv):
    import_csv(preview_csv(write_csv(rows(GOOD)), store), store, paths)
    save_partnership(store, paths, replace(store.get("moon-base"), name="Moon Base (my notes)"))
    report = undo_last_import(store, paths)
    assert report.kept == ("partnership:moon-base",)
    assert store.get("moon-base").name == "Moon Base (my notes)"


def test_an_import_is_one_file_that_outlives_the_database(paths, catalog, write_csv):
    store = catalog.partnerships
    result = import_csv(preview_csv(write_csv(rows(GOOD)), store), store, paths)
    assert result.file.startswith("imports/") and (paths.data_dir / result.file).is_file()
    assert result.changes.partnerships == {"moon-base"}
    catalog.close()
    paths.database.unlink()
    reopened = Catalog.open(paths)
    assert reopened.partnerships.get("moon-base").name == "Moon Base"
    reopened.close()


def test_an_undone_import_can_be_undone_in_turn_and_older_imports_stay(store, paths, write_csv):
    import_csv(preview_csv(write_csv(rows(GOOD)), store), store, paths)
    second = rows("mars-base,Mars Base,bilateral,2040,,planned,planetary,NASA\n")
    import_csv(preview_csv(write_csv(second, "second.csv"), store), store, paths)
    report = undo_last_import(store, paths)
    assert report.source == "second.csv" and store.get("mars-base") is None
    assert store.get("moon-base") is not None
    assert last_import(store).source == "partnerships.csv"


def test_deleting_or_reverting_what_an_import_brought_wins_over_it(store, paths, write_csv):
    from explorer.store.authoring import delete_partnership, revert_partnership

    body = GOOD + "exomars-esa-roscosmos,ExoMars 2,bilateral,2012,,suspended,planetary,ESA\n"
    import_csv(preview_csv(write_csv(rows(body)), store), store, paths, update_bundled=True)
    delete_partnership(store, paths, "moon-base")
    revert_partnership(store, paths, "exomars-esa-roscosmos")
    assert store.get("moon-base") is None
    assert store.origin_of("exomars-esa-roscosmos") == ("bundled", False)
    marker = (paths.data_dir / "partnerships" / "moon-base.yaml").read_text(encoding="utf-8")
    assert "removed: true" in marker
