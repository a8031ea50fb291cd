// Writing a command's outputs: paths checked before the work, and a group of outputs that fails
// part-way removes what it created (files that existed before are not deleted).
#include <gtest/gtest.h>

#include <fstream>

#include "core/util/atomic_file.h"
#include "tests/unit/test_models.h"

namespace fs = std::filesystem;
using namespace ql;

TEST(OutputFiles, CheckWritableNamesTheOptionAndTheReason) {
    const fs::path dir = test::tempDir("atomic-check");
    std::ofstream(dir / "afile") << "x";
    EXPECT_TRUE(checkWritable("", "--json"));
    EXPECT_TRUE(checkWritable(dir / "new.json", "--json"));
    EXPECT_TRUE(checkWritable(dir / "afile", "--json"));  // replacing is the caller's policy
    const Status missing = checkWritable(dir / "nosuch" / "x.json", "--json");
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.message().find("--json"), std::string::npos) << missing.message();
    EXPECT_NE(missing.message().find("does not exist"), std::string::npos) << missing.message();
    EXPECT_NE(checkWritable(dir, "--csv").message().find("is a folder"), std::string::npos);
    EXPECT_NE(checkWritable(dir / "afile" / "x.json", "--csv").message().find("is not a folder"), std::string::npos);
    fs::remove_all(dir);
}

TEST(OutputFiles, RollbackRemovesWhatTheCommandCreatedOnly) {
    const fs::path dir = test::tempDir("atomic-rollback");
    std::ofstream(dir / "old.json") << "old";
    OutputFiles out;
    ASSERT_TRUE(out.write(dir / "a.json", "a"));
    ASSERT_TRUE(out.write(dir / "old.json", "new"));
    EXPECT_FALSE(out.write(dir / "nosuch" / "b.json", "b"));
    out.rollback();
    EXPECT_FALSE(fs::exists(dir / "a.json"));
    EXPECT_TRUE(fs::exists(dir / "old.json"));  // it existed before: replaced, not removed
    for (const auto& e : fs::directory_iterator(dir)) EXPECT_EQ(e.path().filename(), "old.json") << "no temporary file either";
    fs::remove_all(dir);
}
