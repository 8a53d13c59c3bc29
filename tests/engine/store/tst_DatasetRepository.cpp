// Datasets stored inside a project: real files imported, stored, reopened and read back cell for
// cell; lineage; content hashes; Cancel leaves nothing; metadata reads without the data; damaged
// chunks are Error(Corrupt) naming the column; the store and load jobs on their own threads.
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <cstring>
#include <random>
#include <thread>

#include "StoreTestSupport.h"
#include "../../StoppingSink.h"
#include "engine/core/Error.h"
#include "engine/data/DataImporter.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/jobs/JobContext.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/LoadDatasetJob.h"
#include "engine/store/Project.h"
#include "engine/store/StoreDatasetJob.h"
#include "TestPaths.h"

using lathe::Error;
using lathe::ErrorCode;
using lathe::data::Column;
using lathe::data::ColumnType;
using lathe::data::Table;
using namespace lathe::store;

namespace {

const std::string kDatasets = LATHE_DATASETS_DIR;

std::unique_ptr<Project> newProject(const QTemporaryDir& dir, const char* file = "data.lathe") {
  ProjectInfo info;
  info.name = "Datasets";
  return Project::create(dir.filePath(file).toStdString(), info);
}

Table importFile(const std::string& name) {
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  lathe::data::ImportRequest request;
  request.path = kDatasets + "/" + name;
  return lathe::data::DataImporter::import(request, lathe::jobs::JobContext(stop.get_token(), sink)).table;
}

DatasetOrigin fromFile(const std::string& name) {
  DatasetOrigin origin;
  origin.sourcePath = kDatasets + "/" + name;
  origin.importOptionsJson = R"({"format":"auto","encoding":"auto"})";
  return origin;
}

bool sameTable(const Table& a, const Table& b) {
  if (a.rowCount() != b.rowCount() || a.columnCount() != b.columnCount()) return false;
  for (std::size_t c = 0; c < a.columnCount(); ++c)
    if (!sameColumn(a.column(c), b.column(c))) return false;
  return true;
}

std::int64_t rowsIn(Database& db, const char* table) { return db.queryInt(std::string("SELECT count(*) FROM ") + table); }

template <typename F>
std::optional<Error> thrownError(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  return std::nullopt;
}

// A table big enough for several chunks: 1.2 M float64 values (9.6 MB encoded) and a text column.
Table bigTable() {
  std::mt19937_64 random(42);
  std::normal_distribution<double> normal(0.0, 1.0);
  std::vector<double> values(1'200'000);
  for (double& v : values) v = normal(random);
  std::vector<std::uint64_t> offsets{0};
  std::string bytes;
  for (std::size_t i = 0; i < values.size(); ++i) {
    bytes += i % 3 == 0 ? "서울" : "row " + std::to_string(i % 1000);
    offsets.push_back(bytes.size());
  }
  return Table({Column::float64("x", std::move(values)), Column::text("메모", std::move(offsets), std::move(bytes))});
}

}  // namespace

class tst_DatasetRepository : public QObject {
  Q_OBJECT

 private slots:
  void realFilesReadBackCellForCellAfterReopening() {
    QTemporaryDir dir;
    const std::vector<std::string> files = {"penguins.csv", "seattle-weather.csv", "iris.arff", "credit-g.arff",
                                            "flights-200k.csv"};
    std::vector<Table> imported;
    std::vector<std::int64_t> versions;
    std::string path;
    {
      auto project = newProject(dir);
      path = project->path();
      DatasetRepository repository(project->db());
      for (const std::string& file : files) {
        imported.push_back(importFile(file));
        versions.push_back(repository.addDataset(file, imported.back(), fromFile(file)));
      }
    }
    auto project = Project::open(path);
    DatasetRepository repository(project->db());
    QCOMPARE(repository.count(), std::int64_t{5});
    const auto list = repository.list();
    QCOMPARE(list.size(), files.size());
    QCOMPARE(list.front().name, std::string("credit-g.arff"));  // by name
    for (std::size_t i = 0; i < files.size(); ++i) {
      const auto info = repository.version(versions[i]);
      QVERIFY(info);
      QCOMPARE(info->version, 1);
      QCOMPARE(info->origin.sourcePath, kDatasets + "/" + files[i]);
      QCOMPARE(info->origin.importOptionsJson, std::string(R"({"format":"auto","encoding":"auto"})"));
      QVERIFY(!info->origin.parentVersionId);
      QCOMPARE(info->rowCount, static_cast<std::int64_t>(imported[i].rowCount()));
      QCOMPARE(info->columnCount, static_cast<std::int64_t>(imported[i].columnCount()));
      QCOMPARE(info->contentHash.size(), std::size_t{64});
      QVERIFY(info->storedBytes > 0);
      const auto columns = repository.columns(versions[i]);
      QCOMPARE(columns.size(), imported[i].columnCount());
      for (std::size_t c = 0; c < columns.size(); ++c) {
        QCOMPARE(columns[c].name, imported[i].column(c).name());
        QCOMPARE(columns[c].type, imported[i].column(c).type());
        QCOMPARE(columns[c].missingCount, static_cast<std::int64_t>(imported[i].column(c).missingCount()));
      }
      QVERIFY2(sameTable(repository.loadTable(versions[i]), imported[i]), files[i].c_str());
    }
    // Shapes and missing counts from pandas.read_csv (computed once): penguins 344 x 7 with 10
    // missing Sex and 2 missing in each measurement; seattle-weather 1461 x 6; flights 200000 x 3.
    QCOMPARE(repository.version(versions[0])->rowCount, std::int64_t{344});
    QCOMPARE(repository.columns(versions[0])[6].missingCount, std::int64_t{10});
    QCOMPARE(repository.columns(versions[0])[2].missingCount, std::int64_t{2});
    QCOMPARE(repository.version(versions[1])->rowCount, std::int64_t{1461});
    QCOMPARE(repository.columns(versions[1])[0].type, ColumnType::Datetime);
    QCOMPARE(repository.version(versions[4])->rowCount, std::int64_t{200000});
    QCOMPARE(repository.version(versions[2])->rowCount, std::int64_t{150});   // iris
    QCOMPARE(repository.version(versions[3])->columnCount, std::int64_t{21});  // credit-g
    // One column alone, and a projection in the order asked.
    const auto sex = repository.loadColumn(versions[0], 6);
    QVERIFY(sameColumn(*sex, imported[0].column(6)));
    const std::vector<std::size_t> some = {6, 0};
    const Table projected = repository.loadTable(versions[0], some);
    QCOMPARE(projected.column(0).name(), std::string("Sex"));
    QCOMPARE(projected.column(1).name(), std::string("Species"));
  }

  void largeColumnsSpanSeveralChunks() {
    QTemporaryDir dir;
    auto project = newProject(dir);
    DatasetRepository repository(project->db());
    const Table table = bigTable();
    const auto version = repository.addDataset("big", table, {});
    Statement chunks = project->db().prepare(
        "SELECT position, count(*), sum(raw_bytes) FROM column_chunk WHERE version_id = ?1 GROUP BY position ORDER BY position");
    chunks.bind(1, version);
    QVERIFY(chunks.step());
    QCOMPARE(chunks.int64(1), std::int64_t{2});  // 24 + 9.6 MB in 8 MiB chunks
    QCOMPARE(chunks.int64(2), std::int64_t{24 + 8 * 1'200'000});
    QVERIFY(chunks.step());
    QVERIFY(chunks.int64(1) >= 2);
    QVERIFY(sameTable(repository.loadTable(version), table));
    const auto columns = repository.columns(version);
    QVERIFY(columns[1].storedBytes < columns[1].rawBytes / 4);  // repetitive text compresses
    QCOMPARE(repository.version(version)->storedBytes, columns[0].storedBytes + columns[1].storedBytes);
  }

  void versionsRecordTheirLineage() {
    QTemporaryDir dir;
    auto project = newProject(dir);
    DatasetRepository repository(project->db());
    const Table table = importFile("penguins.csv");
    const auto first = repository.addDataset("penguins", table, fromFile("penguins.csv"));
    project->db().execute(
        "INSERT INTO recipe (name, definition, hash, created_at, modified_at) "
        "VALUES ('drop missing', '{\"steps\":[]}', 'abc123', '2026-11-28T00:00:00Z', '2026-11-28T00:00:00Z')");
    const std::int64_t recipeId = project->db().lastInsertId();
    DatasetOrigin derived;
    derived.parentVersionId = first;
    derived.recipeId = recipeId;
    derived.recipeHash = "abc123";
    const Table smaller = table.select(std::vector<std::size_t>{0, 1, 6});
    const auto datasetId = repository.version(first)->datasetId;
    const auto second = repository.addVersion(datasetId, smaller, derived);

    const auto info = repository.version(second);
    QCOMPARE(info->version, 2);
    QCOMPARE(info->datasetId, datasetId);
    QCOMPARE(*info->origin.parentVersionId, first);
    QCOMPARE(*info->origin.recipeId, recipeId);
    QCOMPARE(info->origin.recipeHash, std::string("abc123"));
    QCOMPARE(info->origin.sourcePath, std::string());
    const auto dataset = repository.dataset(datasetId);
    QCOMPARE(dataset->versions.size(), std::size_t{2});
    QCOMPARE(dataset->versions[0].id, first);
    QCOMPARE(dataset->versions[1].id, second);
    QCOMPARE(repository.list().front().versions.size(), std::size_t{2});
    QVERIFY(sameTable(repository.loadTable(second), smaller));
    QVERIFY(sameTable(repository.loadTable(first), table));  // the parent is untouched
  }

  // A dataset as a user names it: "NAME" is its newest version, "NAME:N" its version N; a name
  // holding ':' itself is found whole first.
  void versionsAreFoundByNameAndNumber() {
    QTemporaryDir dir;
    auto project = newProject(dir);
    DatasetRepository repository(project->db());
    const Table table = importFile("iris.arff");
    const auto first = repository.addDataset("iris", table, {});
    const auto second = repository.addVersion(repository.version(first)->datasetId, table.select(std::vector<std::size_t>{0}), {});
    const auto odd = repository.addDataset("run:2", table, {});
    QCOMPARE(repository.findVersion("iris").id, second);
    QCOMPARE(repository.findVersion("iris:1").id, first);
    QCOMPARE(repository.findVersion("iris:2").id, second);
    QCOMPARE(repository.findVersion("run:2").id, odd);
    QCOMPARE(repository.findVersion("run:2:1").id, odd);
    const auto refused = [&](const std::string& reference, const std::string& needle) {
      const auto e = thrownError([&] { repository.findVersion(reference); });
      QVERIFY2(e && e->code() == ErrorCode::InvalidArgument, reference.c_str());
      QVERIFY2(std::string(e->what()).find(needle) != std::string::npos, e->what());
    };
    refused("iris:3", "no version 3 (its newest is 2)");
    refused("nope", "no dataset \"nope\"");
    refused("iris:x", "no dataset \"iris:x\"");
    refused("", "no dataset");
  }

  void contentHashesIdentifyTheData() {
    QTemporaryDir dir;
    const Table table = importFile("seattle-weather.csv");
    std::string hash;
    std::int64_t version = 0;
    std::string path;
    {
      auto project = newProject(dir);
      path = project->path();
      DatasetRepository repository(project->db());
      version = repository.addDataset("weather", table, fromFile("seattle-weather.csv"));
      hash = repository.version(version)->contentHash;
      // The same table again: the same hash; an equal table imported anew: the same hash.
      QCOMPARE(repository.version(repository.addDataset("again", table, {}))->contentHash, hash);
      QCOMPARE(repository.version(repository.addDataset("re-imported", importFile("seattle-weather.csv"), {}))->contentHash,
               hash);
      // One cell differs: another hash.
      std::vector<double> wind(table.column(4).float64Values().begin(), table.column(4).float64Values().end());
      wind[700] += 0.1;
      auto columns = table.columns();
      columns[4] = Column::float64(table.column(4).name(), std::move(wind));
      const auto changed = repository.addDataset("changed", Table(columns), {});
      QVERIFY(repository.version(changed)->contentHash != hash);
    }
    auto project = Project::open(path);
    DatasetRepository repository(project->db());
    QCOMPARE(repository.version(version)->contentHash, hash);
    QCOMPARE(repository.version(repository.addDataset("after reopening", table, {}))->contentHash, hash);
  }

  void cancelLeavesNoRows() {
    QTemporaryDir dir;
    auto project = newProject(dir);
    DatasetRepository repository(project->db());
    const Table table = importFile("penguins.csv");
    const auto kept = repository.addDataset("kept", table, {});
    const auto before = [&] {
      return std::vector<std::int64_t>{rowsIn(project->db(), "dataset"), rowsIn(project->db(), "dataset_version"),
                                       rowsIn(project->db(), "dataset_column"), rowsIn(project->db(), "column_chunk")};
    }();
    for (const bool newVersion : {false, true}) {
      std::stop_source stop;
      StoppingSink sink(stop, 0.5);
      lathe::jobs::JobContext context(stop.get_token(), sink);
      QVERIFY_THROWS_EXCEPTION(lathe::jobs::JobCancelled,
                               newVersion ? repository.addVersion(repository.version(kept)->datasetId, table, {}, &context)
                                          : repository.addDataset("cancelled", table, {}, &context));
      QVERIFY(!sink.fractions.empty());
      QVERIFY(sink.fractions.back() >= 0.5 && sink.fractions.back() < 1.0);
      const std::vector<std::int64_t> after{rowsIn(project->db(), "dataset"), rowsIn(project->db(), "dataset_version"),
                                            rowsIn(project->db(), "dataset_column"), rowsIn(project->db(), "column_chunk")};
      QCOMPARE(after, before);
    }
    QCOMPARE(before, (std::vector<std::int64_t>{1, 1, 7, 7}));
    // The connection is usable afterwards and the next version is still number 2.
    const auto next = repository.addVersion(repository.version(kept)->datasetId, table, {});
    QCOMPARE(repository.version(next)->version, 2);
  }

  void metadataReadsWithoutTheChunks() {
    QTemporaryDir dir;
    std::string path;
    std::int64_t version = 0;
    {
      auto project = newProject(dir);
      path = project->path();
      version = DatasetRepository(project->db()).addDataset("penguins", importFile("penguins.csv"), {});
    }
    auto project = Project::open(path);
    project->db().execute("DELETE FROM column_chunk");
    DatasetRepository repository(project->db());
    QCOMPARE(repository.list().size(), std::size_t{1});
    QCOMPARE(repository.list().front().versions.front().rowCount, std::int64_t{344});
    QCOMPARE(repository.columns(version).size(), std::size_t{7});
    QCOMPARE(repository.columns(version)[1].name, std::string("Island"));
    const auto error = thrownError([&] { repository.loadColumn(version, 1); });
    QVERIFY(error);
    QCOMPARE(error->code(), ErrorCode::Corrupt);
    QVERIFY2(error->message().find("'Island'") != std::string::npos, error->message().c_str());
    QCOMPARE(error->where().file, path);
  }

  void damagedChunksAreCorruptAndNameTheColumn() {
    QTemporaryDir dir;
    auto project = newProject(dir);
    DatasetRepository repository(project->db());
    const Table table = importFile("penguins.csv");
    const auto version = repository.addDataset("penguins", table, {});
    Database& db = project->db();
    const auto corruptionOf = [&](const std::string& sql, std::size_t position) {
      db.execute("SAVEPOINT damage");
      db.execute(sql);
      auto error = thrownError([&] { repository.loadColumn(version, position); });
      auto tableError = thrownError([&] { repository.loadTable(version); });
      db.execute("ROLLBACK TO damage");
      db.execute("RELEASE damage");
      if (!error || !tableError || error->code() != ErrorCode::Corrupt || tableError->code() != ErrorCode::Corrupt)
        return std::string("not corrupt");
      return error->message();
    };
    const std::vector<std::string> damages = {
        "UPDATE column_chunk SET data = randomblob(200) WHERE position = 2",
        "UPDATE column_chunk SET data = substr(data, 1, length(data) - 4) WHERE position = 2",
        "UPDATE column_chunk SET raw_bytes = raw_bytes + 1 WHERE position = 2",
        "UPDATE column_chunk SET raw_bytes = 9000000000 WHERE position = 2",
        "UPDATE column_chunk SET chunk = 1 WHERE position = 2",
        "UPDATE dataset_column SET raw_bytes = raw_bytes * 1000 WHERE position = 2",
        "UPDATE dataset_column SET raw_bytes = 3 WHERE position = 2",
        "UPDATE dataset_column SET type = 'int64' WHERE position = 2",
        "UPDATE dataset_version SET row_count = 345",
        "UPDATE column_chunk SET data = (SELECT data FROM column_chunk WHERE position = 0), "
        "raw_bytes = (SELECT raw_bytes FROM column_chunk WHERE position = 0) WHERE position = 2",
        "UPDATE dataset_column SET raw_bytes = (SELECT raw_bytes FROM dataset_column WHERE position = 0) "
        "WHERE position = 2",
    };
    for (const std::string& sql : damages) {
      const std::string message = corruptionOf(sql, 2);
      QVERIFY2(message.find("'Beak Length (mm)'") != std::string::npos, (sql + " -> " + message).c_str());
    }
    // A damaged column leaves the others readable.
    db.execute("UPDATE column_chunk SET data = randomblob(200) WHERE position = 2");
    QVERIFY(sameColumn(*repository.loadColumn(version, 3), table.column(3)));
  }

  void missingIdsAreInvalidArguments() {
    QTemporaryDir dir;
    auto project = newProject(dir);
    DatasetRepository repository(project->db());
    const Table table = importFile("iris.arff");
    const auto version = repository.addDataset("iris", table, {});
    const auto datasetId = repository.version(version)->datasetId;
    QVERIFY(!repository.version(999));
    QVERIFY(!repository.dataset(999));
    const auto invalid = [](const std::optional<Error>& e) { return e && e->code() == ErrorCode::InvalidArgument; };
    QVERIFY(invalid(thrownError([&] { repository.loadColumn(999, 0); })));
    QVERIFY(invalid(thrownError([&] { repository.loadColumn(version, 5); })));
    QVERIFY(invalid(thrownError([&] { repository.loadTable(version, std::vector<std::size_t>{0, 9}); })));
    QVERIFY(invalid(thrownError([&] { repository.columns(999); })));
    QVERIFY(invalid(thrownError([&] { repository.addVersion(999, table, {}); })));
    QVERIFY(invalid(thrownError([&] { repository.rename(999, "x"); })));
    QVERIFY(invalid(thrownError([&] { repository.setDeleted(999, true); })));
    QVERIFY(invalid(thrownError([&] { repository.addDataset("", table, {}); })));
    DatasetOrigin orphan;
    orphan.parentVersionId = 999;
    QVERIFY(invalid(thrownError([&] { repository.addVersion(datasetId, table, orphan); })));
    DatasetOrigin badJson;
    badJson.importOptionsJson = "{not json";
    QVERIFY(invalid(thrownError([&] { repository.addDataset("bad", table, badJson); })));
    QCOMPARE(rowsIn(project->db(), "dataset_version"), std::int64_t{1});
  }

  void renameDeleteAndUndo() {
    QTemporaryDir dir;
    auto project = newProject(dir);
    DatasetRepository repository(project->db());
    const Table table = importFile("iris.arff");
    const auto a = repository.version(repository.addDataset("b-iris", table, {}))->datasetId;
    repository.addDataset("a-iris", table, {});
    repository.rename(a, "붓꽃");
    QCOMPARE(repository.dataset(a)->name, std::string("붓꽃"));
    QCOMPARE(repository.list().back().name, std::string("붓꽃"));
    repository.setDeleted(a, true);
    QCOMPARE(repository.count(), std::int64_t{1});
    QCOMPARE(repository.list().size(), std::size_t{1});
    QCOMPARE(repository.dataset(a)->versions.size(), std::size_t{1});  // kept for undo
    repository.setDeleted(a, false);
    QCOMPARE(repository.count(), std::int64_t{2});
    QVERIFY(sameTable(repository.loadTable(repository.dataset(a)->versions.front().id), table));
  }

  void emptyTablesStoreToo() {
    QTemporaryDir dir;
    auto project = newProject(dir);
    DatasetRepository repository(project->db());
    const Table noRows({Column::text("이름", {0}, ""), Column::categorical("c", {}, {})});
    const auto version = repository.addDataset("empty", noRows, {});
    QVERIFY(sameTable(repository.loadTable(version), noRows));
    const auto nothing = repository.addDataset("nothing", Table(), {});
    QCOMPARE(repository.loadTable(nothing).columnCount(), std::size_t{0});
    QCOMPARE(repository.version(nothing)->contentHash,  // SHA-256 of no bytes
             std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
  }

  void jobsStoreAndLoadOnTheirOwnThreads() {
    QTemporaryDir dir;
    std::shared_ptr<Project> project = newProject(dir);
    const auto table = std::make_shared<const Table>(importFile("penguins.csv"));
    const auto runOnThread = [](lathe::jobs::Job& job) {
      std::exception_ptr failure;
      std::jthread thread([&job, &failure](std::stop_token stop) {
        lathe::jobs::NullProgressSink sink;
        lathe::jobs::JobContext context(stop, sink);
        try {
          job.run(context);
        } catch (...) {
          failure = std::current_exception();
        }
      });
      thread.join();
      if (failure) std::rethrow_exception(failure);
    };
    StoreDatasetJob store(project, "penguins", table, fromFile("penguins.csv"));
    runOnThread(store);
    QVERIFY(store.versionId() > 0);
    DatasetRepository repository(project->db());  // the window's connection sees the job's commit
    const auto datasetId = repository.version(store.versionId())->datasetId;
    DatasetOrigin derived;
    derived.parentVersionId = store.versionId();
    const auto smaller = std::make_shared<const Table>(table->select(std::vector<std::size_t>{2, 3}));
    StoreDatasetJob next(project, datasetId, smaller, derived);
    QVERIFY(next.name().find("version") != std::string::npos);
    runOnThread(next);
    QCOMPARE(repository.version(next.versionId())->version, 2);

    LoadDatasetJob load(project, store.versionId());
    runOnThread(load);
    QVERIFY(sameTable(*load.table(), *table));
    LoadDatasetJob some(project, next.versionId(), {1});
    runOnThread(some);
    QCOMPARE(some.table()->columnCount(), std::size_t{1});
    QVERIFY(sameColumn(some.table()->column(0), table->column(3)));
    LoadDatasetJob missing(project, 999);
    QVERIFY_THROWS_EXCEPTION(Error, runOnThread(missing));
  }
};

QTEST_GUILESS_MAIN(tst_DatasetRepository)
#include "tst_DatasetRepository.moc"
