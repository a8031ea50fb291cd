// A hostile corpus generated here and run through quantlens-cli as a user runs it: every model
// through both `inspect` and `run`, every data set, calibration table, run config and input file
// through the command that reads it. Each is refused with exit code 2 and one message naming the
// file (and node or entry) and the reason, in bounded time and memory, and leaves no output file
// behind.
#include <gtest/gtest.h>
#include <zlib.h>

#include <chrono>
#include <fstream>
#include <random>

#include "core/data/npy.h"
#include "tests/unit/cli_runner.h"
#include "tests/unit/test_models.h"

using namespace ql;
using namespace ql::test;
namespace fs = std::filesystem;

namespace {

const std::string kBundled = std::string(QL_RESOURCE_DIR) + "/models/fashion_resnet.onnx";
// A refusal reads the file and stops: generous for a sanitizer build on a loaded machine.
constexpr double kBoundSeconds = 60;

void writeText(const fs::path& f, const std::string& s) { std::ofstream(f, std::ios::binary) << s; }
std::string readText(const fs::path& f) {
    std::ifstream in(f, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string randomBytes(size_t n, uint32_t seed) {
    std::mt19937 rng(seed);
    std::string s(n, '\0');
    for (char& c : s) c = char(rng() & 0xff);
    return s;
}

struct Timed {
    CliResult r;
    double seconds = 0;
};

// Bounded memory: a refusal must not allocate what the file claims. 2 GiB of address space is far
// below the 8 GiB tensor limit. Not under AddressSanitizer, whose shadow memory reserves terabytes.
#if defined(__SANITIZE_ADDRESS__)
const std::string kMemoryLimit;
#else
const std::string kMemoryLimit = "ulimit -v 2097152; ";
#endif

Timed timedCli(const std::string& args, const fs::path& scratch) {
    auto t0 = std::chrono::steady_clock::now();
    Timed t{runCli(args, scratch, kMemoryLimit), 0};
    t.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return t;
}

// The refusal every hostile input must get; `what` labels the case in failures.
void expectRefused(const std::string& what, const Timed& t, const std::vector<std::string>& expected) {
    EXPECT_EQ(t.r.exitCode, 2) << what << ": " << t.r.err;
    EXPECT_EQ(std::count(t.r.err.begin(), t.r.err.end(), '\n'), 1) << what << ": " << t.r.err;
    EXPECT_EQ(t.r.err.rfind("quantlens-cli: ", 0), 0u) << what << ": " << t.r.err;
    for (const auto& s : expected) EXPECT_NE(t.r.err.find(s), std::string::npos) << what << " lacks '" << s << "': " << t.r.err;
    EXPECT_LT(t.seconds, kBoundSeconds) << what;
}

struct ModelCase {
    std::string name;
    std::function<void(const fs::path& file)> write;
    std::vector<std::string> expected;  // substrings of the message (besides the file name)
};

void save(const OnnxBuilder& b, const fs::path& f) { b.save(f.parent_path(), f.filename().string()); }

// A model whose one input is declared with `dims`, then Relu.
OnnxBuilder declaredInput(std::vector<int64_t> dims) {
    OnnxBuilder b;
    b.input("x", {1}).output("y");
    auto* shape = b.model().mutable_graph()->mutable_input(0)->mutable_type()->mutable_tensor_type()->mutable_shape();
    shape->clear_dim();
    for (int64_t d : dims) shape->add_dim()->set_dim_value(d);
    b.node("Relu", {"x"}, {"y"}, "relu");
    return b;
}

std::vector<ModelCase> modelCases() {
    return {
        {"a_folder", [](auto& f) { fs::create_directory(f); }, {"is a folder, not a file"}},
        {"not_onnx", [](auto& f) { writeText(f, "this is not a model\n"); }, {"not an ONNX model"}},
        {"random_bytes", [](auto& f) { writeText(f, randomBytes(4096, 7)); }, {"not an ONNX model"}},
        {"npy_magic", [](auto& f) { writeText(f, std::string("\x93NUMPY\x01\x00", 8) + "{'descr': '<f4'}"); }, {"not an ONNX model"}},
        {"truncated", [](auto& f) {
             std::string b = smallConvNet().bytes();
             writeText(f, b.substr(0, b.size() / 2));
         }, {"not an ONNX model"}},
        {"empty", [](auto& f) { writeText(f, ""); }, {"empty"}},
        {"missing_initializer", [](auto& f) {
             OnnxBuilder b = smallConvNet();
             b.model().mutable_graph()->mutable_initializer()->RemoveLast();  // fcb
             save(b, f);
         }, {"node 'fc' (Gemm)", "'fcb'", "not produced"}},
        {"dangling_output", [](auto& f) {
             OnnxBuilder b = smallConvNet();
             b.output("nowhere");
             save(b, f);
         }, {"'nowhere'"}},
        {"cycle", [](auto& f) {
             OnnxBuilder b;
             b.input("x", {1, 2}).output("b");
             b.node("Add", {"x", "b"}, {"a"}, "first");
             b.node("Relu", {"a"}, {"b"}, "second");
             save(b, f);
         }, {"cycle", "node '"}},
        {"mismatched_shapes", [](auto& f) {
             OnnxBuilder b;
             b.input("x", {1, 3}).input("z", {1, 4}).output("y");
             b.node("Add", {"x", "z"}, {"y"}, "add");
             save(b, f);
         }, {"node 'add' (Add)"}},
        {"rank_mismatch", [](auto& f) {
             OnnxBuilder b = smallConvNet();
             auto* w = b.model().mutable_graph()->mutable_initializer(0);
             w->clear_dims();
             for (int64_t d : {4, 1, 9}) w->add_dims(d);
             save(b, f);
         }, {"node 'conv' (Conv)", "rank 3"}},
        {"negative_initializer_dim", [](auto& f) {
             OnnxBuilder b = smallConvNet();
             auto* w = b.model().mutable_graph()->mutable_initializer(0);
             w->set_dims(0, -4);
             save(b, f);
         }, {"tensor 'w'", "negative"}},
        {"negative_input_dim", [](auto& f) { save(declaredInput({1, -7, 4}), f); }, {"'x'", "-7"}},
        {"zero_stride", [](auto& f) {
             OnnxBuilder b = smallConvNet();
             OnnxBuilder::setInts(*b.model().mutable_graph()->mutable_node(0), "strides", {0, 1});
             save(b, f);
         }, {"node 'conv' (Conv)", "stride 0"}},
        {"group_not_dividing", [](auto& f) {
             OnnxBuilder b = smallConvNet();
             OnnxBuilder::setInt(*b.model().mutable_graph()->mutable_node(0), "group", 3);
             save(b, f);
         }, {"node 'conv' (Conv)", "does not divide"}},
        {"huge_tensor", [](auto& f) {
             OnnxBuilder b = smallConvNet();
             auto* w = b.model().mutable_graph()->mutable_initializer(0);
             w->clear_dims();
             w->clear_float_data();
             for (int64_t d : std::vector<int64_t>{int64_t(1) << 20, int64_t(1) << 20, 1, 1}) w->add_dims(d);
             save(b, f);
         }, {"tensor 'w'", "limit"}},
        {"initializer_count_overflows_64_bits", [](auto& f) {
             OnnxBuilder b = smallConvNet();
             auto* w = b.model().mutable_graph()->mutable_initializer(0);
             w->clear_dims();
             w->clear_float_data();
             for (int i = 0; i < 3; ++i) w->add_dims(int64_t(1) << 40);
             save(b, f);
         }, {"tensor 'w'"}},
        {"unsupported_ops", [](auto& f) {
             OnnxBuilder b;
             b.input("x", {1, 4}).output("z");
             b.node("LSTMish", {"x"}, {"y"}, "mystery1");
             b.node("Relu", {"y"}, {"y2"}, "fine");
             b.node("Einsum", {"y2"}, {"z"}, "mystery2");
             save(b, f);
         }, {"2 node(s)", "'mystery1' (LSTMish)", "'mystery2' (Einsum)"}},
        {"opset_too_new", [](auto& f) { OnnxBuilder b = smallConvNet(); b.model().mutable_opset_import(0)->set_version(18); save(b, f); },
         {"opset 18 is not supported"}},
        {"opset_too_old", [](auto& f) { OnnxBuilder b = smallConvNet(); b.model().mutable_opset_import(0)->set_version(5); save(b, f); },
         {"opset 5 is not supported"}},
        {"external_data_escape", [](auto& f) {
             OnnxBuilder b = smallConvNet();
             auto* w = b.model().mutable_graph()->mutable_initializer(0);
             w->clear_float_data();
             w->set_data_location(onnx::TensorProto::EXTERNAL);
             auto* kv = w->add_external_data();
             kv->set_key("location");
             kv->set_value("../../etc/passwd");
             save(b, f);
         }, {"tensor 'w'", "outside the model's folder"}},
        {"external_data_absolute", [](auto& f) {
             OnnxBuilder b = smallConvNet();
             auto* w = b.model().mutable_graph()->mutable_initializer(0);
             w->clear_float_data();
             w->set_data_location(onnx::TensorProto::EXTERNAL);
             auto* kv = w->add_external_data();
             kv->set_key("location");
             kv->set_value("/etc/passwd");
             save(b, f);
         }, {"tensor 'w'", "must be a relative path"}},
        {"external_data_past_end", [](auto& f) {
             OnnxBuilder b = smallConvNet();
             auto* w = b.model().mutable_graph()->mutable_initializer(0);
             w->clear_float_data();
             w->set_data_location(onnx::TensorProto::EXTERNAL);
             auto* kv = w->add_external_data();
             kv->set_key("location");
             kv->set_value("w.bin");
             auto* off = w->add_external_data();
             off->set_key("offset");
             off->set_value("9223372036854775800");
             writeText(f.parent_path() / "w.bin", std::string(144, '\0'));
             save(b, f);
         }, {"tensor 'w'", "exceeds the file size"}},
        {"short_raw_data", [](auto& f) {
             OnnxBuilder b = smallConvNet();
             auto* w = b.model().mutable_graph()->mutable_initializer(0);
             w->clear_float_data();
             w->set_raw_data(std::string(10, '\0'));
             save(b, f);
         }, {"tensor 'w'", "raw_data holds 10"}},
        {"string_input", [](auto& f) {
             OnnxBuilder b;
             b.input("x", {1, 2}, onnx::TensorProto::STRING).output("y");
             b.node("Identity", {"x"}, {"y"}, "id");
             save(b, f);
         }, {"graph input 'x'", "STRING", "not supported"}},
        {"value_produced_twice", [](auto& f) {
             OnnxBuilder b;
             b.input("x", {1, 2}).output("y");
             b.node("Relu", {"x"}, {"y"}, "one");
             b.node("Sigmoid", {"x"}, {"y"}, "two");
             save(b, f);
         }, {"'y'"}},
        {"uint64_too_large", [](auto& f) {
             OnnxBuilder b;
             b.input("x", {2}, onnx::TensorProto::INT64).output("y");
             auto* t = b.model().mutable_graph()->add_initializer();
             t->set_name("k");
             t->set_data_type(onnx::TensorProto::UINT64);
             t->add_dims(2);
             t->add_uint64_data(1);
             t->add_uint64_data(~uint64_t(0));
             b.node("Add", {"x", "k"}, {"y"}, "add");
             save(b, f);
         }, {"tensor 'k'", "does not fit int64"}},
    };
}

}  // namespace

// Every model of the corpus: `inspect` (text and --json) and `run` refuse it the same way, print
// nothing on stdout for --json and leave no --save-outputs folder.
TEST(Hostile, EveryModelIsRefusedByInspectAndRun) {
    const auto cases = modelCases();
    for (const ModelCase& c : cases) {
        fs::path dir = tempDir("hostile-" + c.name);
        fs::path file = dir / (c.name + ".onnx");
        c.write(file);
        std::vector<std::string> expected = c.expected;
        expected.push_back(file.string());
        expectRefused("inspect " + c.name, timedCli("inspect " + file.string(), dir), expected);
        Timed json = timedCli("inspect --json " + file.string(), dir);
        expectRefused("inspect --json " + c.name, json, expected);
        EXPECT_TRUE(json.r.out.empty()) << c.name << ": " << json.r.out;
        expectRefused("run " + c.name, timedCli("run " + file.string() + " --save-outputs " + (dir / "out").string(), dir), expected);
        EXPECT_FALSE(fs::exists(dir / "out")) << c.name;
        fs::remove_all(dir);
    }
    EXPECT_GE(cases.size(), 25u);
}

namespace {

std::string be32(uint32_t v) { return {char(v >> 24), char(v >> 16), char(v >> 8), char(v)}; }

// IDX files of n 28x28 images (the bundled model's) and `labels` labels (default n).
void writeIdx(const fs::path& dir, uint32_t n, uint32_t labels = ~0u) {
    if (labels == ~0u) labels = n;
    writeText(dir / "t10k-images-idx3-ubyte", be32(0x803) + be32(n) + be32(28) + be32(28) + std::string(size_t(n) * 784, '\x10'));
    writeText(dir / "t10k-labels-idx1-ubyte", be32(0x801) + be32(labels) + std::string(labels, '\x01'));
}

void writeNpyFile(const fs::path& f, const std::string& descr, const std::string& shape, size_t dataBytes) {
    std::string header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    header.append(63 - (10 + header.size()) % 64, ' ');
    header += '\n';
    const uint16_t len = uint16_t(header.size());
    writeText(f, std::string("\x93NUMPY\x01\x00", 8) + char(len & 0xff) + char(len >> 8) + header + std::string(dataBytes, '\0'));
}

// One hostile input for one command: `args` gets DIR substituted; `file` is the file named.
struct InputCase {
    std::string name;
    std::function<std::string(const fs::path& dir)> write;  // writes the files, returns the command line
    std::string file;                                       // relative to dir: must appear in the message
    std::vector<std::string> expected;
    std::string output;                                     // relative to dir: must not exist afterwards
};

std::string p(const fs::path& dir, const std::string& rel) { return (dir / rel).string(); }

const char* kGoodTable = R"({"schema": "quantlens.calibration/1", "method": "minmax", "values": {}})";

std::vector<InputCase> inputCases() {
    const std::string m = kBundled;
    auto eval = [m](const std::string& spec, const fs::path& d) { return "eval " + m + " --dataset " + spec + " --limit 4 --json " + p(d, "out.json"); };
    auto calibrate = [m](const std::string& spec, const fs::path& d) { return "calibrate " + m + " --dataset " + spec + " --samples 4 -o " + p(d, "out.json"); };
    return {
        // data sets
        {"idx_truncated", [=](auto& d) { writeIdx(d, 4); fs::resize_file(d / "t10k-images-idx3-ubyte", 400); return eval("idx:" + d.string(), d); },
         "t10k-images-idx3-ubyte", {"holds"}, "out.json"},
        {"idx_gz_truncated", [=](auto& d) {  // a download cut short: the gzip stream ends early
             writeIdx(d, 64);
             const std::string raw = readText(d / "t10k-images-idx3-ubyte");
             fs::remove(d / "t10k-images-idx3-ubyte");
             gzFile z = gzopen((d / "t10k-images-idx3-ubyte.gz").c_str(), "wb");
             gzwrite(z, raw.data(), unsigned(raw.size()));
             gzclose(z);
             fs::resize_file(d / "t10k-images-idx3-ubyte.gz", fs::file_size(d / "t10k-images-idx3-ubyte.gz") / 2);
             return eval("idx:" + d.string(), d);
         }, "t10k-images-idx3-ubyte.gz", {"ends early or is corrupt"}, "out.json"},
        {"idx_wrong_magic", [=](auto& d) { writeIdx(d, 4); writeText(d / "t10k-images-idx3-ubyte", "GIF89a" + std::string(100, '\0')); return eval("idx:" + d.string(), d); },
         "t10k-images-idx3-ubyte", {"not an IDX file"}, "out.json"},
        {"idx_label_count", [=](auto& d) { writeIdx(d, 4, 3); return eval("idx:" + d.string(), d); }, "t10k-images-idx3-ubyte", {"4 images, but ", "t10k-labels-idx1-ubyte has 3 labels"}, "out.json"},
        {"idx_huge_count", [=](auto& d) {
             writeText(d / "t10k-images-idx3-ubyte", be32(0x803) + be32(0xffffffffu) + be32(28) + be32(28));
             writeText(d / "t10k-labels-idx1-ubyte", be32(0x801) + be32(0xffffffffu));
             return eval("idx:" + d.string(), d);
         }, "t10k-images-idx3-ubyte", {}, "out.json"},
        {"npy_truncated", [=](auto& d) {
             writeNpyFile(d / "images.npy", "<f4", "(4, 1, 28, 28)", 100);
             writeNpyFile(d / "labels.npy", "<i8", "(4,)", 32);
             return eval("npy:" + p(d, "images.npy") + "," + p(d, "labels.npy"), d);
         }, "images.npy", {"data is shorter than the shape"}, "out.json"},
        {"npy_wrong_magic", [=](auto& d) {
             writeText(d / "images.npy", "PK\x03\x04" + std::string(200, 'z'));
             writeNpyFile(d / "labels.npy", "<i8", "(4,)", 32);
             return calibrate("npy:" + p(d, "images.npy") + "," + p(d, "labels.npy"), d);
         }, "images.npy", {"not a .npy file"}, "out.json"},
        {"npy_float64_samples", [=](auto& d) {
             writeNpyFile(d / "images.npy", "<f8", "(4, 1, 28, 28)", 4 * 784 * 8);
             writeNpyFile(d / "labels.npy", "<i8", "(4,)", 32);
             return eval("npy:" + p(d, "images.npy") + "," + p(d, "labels.npy"), d);
         }, "images.npy", {"must be float32", "<f8"}, "out.json"},
        {"npy_shape_overflows", [=](auto& d) {
             writeNpyFile(d / "images.npy", "<f4", "(4294967296, 4294967296, 4294967296)", 16);
             writeNpyFile(d / "labels.npy", "<i8", "(4,)", 32);
             return eval("npy:" + p(d, "images.npy") + "," + p(d, "labels.npy"), d);
         }, "images.npy", {"more than 2^64"}, "out.json"},
        {"folder_unreadable_image", [=](auto& d) {
             writeText(d / "a.png", randomBytes(300, 3));
             writeText(d / "labels.txt", "a.png 1\n");
             return eval("folder:" + d.string(), d);
         }, "a.png", {"not a readable image"}, "out.json"},
        {"folder_truncated_png", [=](auto& d) {
             writeText(d / "b.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x1c\0\0\0\x1c\x08\x00", 24));
             writeText(d / "labels.txt", "b.png 2\n");
             return calibrate("folder:" + d.string(), d);
         }, "b.png", {"not a readable image"}, "out.json"},
        {"folder_missing_image", [=](auto& d) {
             writeText(d / "labels.csv", "file,label\nthere.png,1\n");
             return eval("folder:" + d.string(), d);
         }, "there.png", {"no such image"}, "out.json"},
        // calibration tables
        {"table_not_json", [=](auto& d) { writeText(d / "t.json", "{\"schema\": \"quantlens.calibration/1\", \"values\": {"); return "eval " + m + " --precision int8 --limit 4 --calib-table " + p(d, "t.json") + " --json " + p(d, "out.json"); },
         "t.json", {"not valid JSON"}, "out.json"},
        {"table_binary", [=](auto& d) { writeText(d / "t.json", randomBytes(512, 11)); return "profile " + m + " --precision int8 --repeat 1 --warmup 0 --calib-table " + p(d, "t.json") + " --json " + p(d, "out.json"); },
         "t.json", {}, "out.json"},
        {"table_wrong_schema", [=](auto& d) { writeText(d / "t.json", R"({"schema": "other/9", "method": "minmax", "values": {}})"); return "eval " + m + " --precision int8 --limit 4 --calib-table " + p(d, "t.json") + " --json " + p(d, "out.json"); },
         "t.json", {"schema"}, "out.json"},
        {"table_range_inverted", [=](auto& d) { writeText(d / "t.json", R"({"schema": "quantlens.calibration/1", "method": "minmax", "values": {"input": {"min": 3, "max": -3}}})"); return "profile " + m + " --precision int8 --repeat 1 --warmup 0 --calib-table " + p(d, "t.json") + " --csv " + p(d, "out.csv"); },
         "t.json", {"'values.input'"}, "out.csv"},
        {"table_not_an_object", [=](auto& d) { writeText(d / "t.json", "[1, 2, 3]"); return "eval " + m + " --precision int8 --limit 4 --calib-table " + p(d, "t.json") + " --json " + p(d, "out.json"); },
         "t.json", {}, "out.json"},
        {"table_missing", [=](auto& d) { return "eval " + m + " --precision int8 --limit 4 --calib-table " + p(d, "t.json") + " --json " + p(d, "out.json"); },
         "t.json", {}, "out.json"},
        // run configs
        {"config_not_json", [=](auto& d) { writeText(d / "c.json", "{\"executor\": "); return "run " + m + " --config " + p(d, "c.json") + " --save-outputs " + p(d, "out"); },
         "c.json", {"not valid JSON"}, "out"},
        {"config_unknown_key", [=](auto& d) { writeText(d / "c.json", R"({"executr": "planned"})"); return "profile " + m + " --config " + p(d, "c.json") + " --json " + p(d, "out.json"); },
         "c.json", {"executr"}, "out.json"},
        {"config_wrong_type", [=](auto& d) { writeText(d / "c.json", R"({"threads": "many"})"); return "eval " + m + " --limit 4 --config " + p(d, "c.json") + " --json " + p(d, "out.json"); },
         "c.json", {"threads"}, "out.json"},
        {"config_number_overflow", [=](auto& d) { writeText(d / "c.json", R"({"batch": 1e99999})"); return "run " + m + " --config " + p(d, "c.json") + " --save-outputs " + p(d, "out"); },
         "c.json", {"not valid JSON", "number overflow"}, "out"},
        {"table_number_overflow", [=](auto& d) { writeText(d / "t.json", R"({"schema": "quantlens.calibration/1", "method": "minmax", "values": {"x": [1e99999, 2]}})"); return "eval " + m + " --precision int8 --limit 4 --calib-table " + p(d, "t.json") + " --json " + p(d, "out.json"); },
         "t.json", {"not valid JSON", "number overflow"}, "out.json"},
        {"config_out_of_range", [=](auto& d) { writeText(d / "c.json", R"({"batch": -3})"); return "run " + m + " --config " + p(d, "c.json") + " --save-outputs " + p(d, "out"); },
         "c.json", {"batch"}, "out"},
        {"config_random_bytes", [=](auto& d) { writeText(d / "c.json", randomBytes(256, 5)); return "profile " + m + " --config " + p(d, "c.json") + " --repeat 1 --json " + p(d, "out.json"); },
         "c.json", {}, "out.json"},
        {"config_table_missing", [=](auto& d) { writeText(d / "c.json", R"({"precisions": ["int8"], "calibration": {"table": "/nonexistent/t.json"}})"); return "profile " + m + " --config " + p(d, "c.json") + " --repeat 1 --json " + p(d, "out.json"); },
         "/nonexistent/t.json", {}, "out.json"},
        // input files for run
        {"input_truncated_npy", [=](auto& d) { writeNpyFile(d / "x.npy", "<f4", "(1, 1, 28, 28)", 12); return "run " + m + " --input input=" + p(d, "x.npy") + " --save-outputs " + p(d, "out"); },
         "x.npy", {"data is shorter than the shape"}, "out"},
        {"input_wrong_magic", [=](auto& d) { writeText(d / "x.npy", "\x7f" "ELF" + std::string(64, '\0')); return "run " + m + " --input input=" + p(d, "x.npy") + " --save-outputs " + p(d, "out"); },
         "x.npy", {"not a .npy file"}, "out"},
        {"input_garbage_pb", [=](auto& d) { writeText(d / "x.pb", randomBytes(333, 9)); return "run " + m + " --input input=" + p(d, "x.pb") + " --save-outputs " + p(d, "out"); },
         "x.pb", {}, "out"},
        {"input_wrong_shape", [=](auto& d) { writeNpyFile(d / "x.npy", "<f4", "(1, 3, 28, 28)", 3 * 784 * 4); return "run " + m + " --input input=" + p(d, "x.npy") + " --save-outputs " + p(d, "out"); },
         "x.npy", {"input 'input' from", "[1,3,28,28]"}, "out"},
        {"input_unknown_name", [=](auto& d) { writeNpyFile(d / "x.npy", "<f4", "(1, 1, 28, 28)", 784 * 4); return "run " + m + " --input nosuch=" + p(d, "x.npy") + " --save-outputs " + p(d, "out"); },
         "nosuch", {}, "out"},
        {"input_string_dtype", [=](auto& d) { writeNpyFile(d / "x.npy", "<U3", "(1, 1, 28, 28)", 784 * 12); return "run " + m + " --input input=" + p(d, "x.npy") + " --save-outputs " + p(d, "out"); },
         "x.npy", {"'<U3' is not supported"}, "out"},
    };
}

}  // namespace

TEST(Hostile, EveryDataSetTableConfigAndInputFileIsRefused) {
    const auto cases = inputCases();
    for (const InputCase& c : cases) {
        fs::path dir = tempDir("hostile-in-" + c.name);
        const std::string args = c.write(dir);
        std::vector<std::string> expected = c.expected;
        // an absolute path or a name in quotes as it is, else a file in dir
        expected.push_back(c.file[0] == '/' || c.file == "nosuch" || c.file.rfind("input '", 0) == 0 ? c.file : (dir / c.file).string());
        expectRefused(c.name, timedCli(args, dir), expected);
        EXPECT_FALSE(fs::exists(dir / c.output)) << c.name;
        // no temporary sibling of the output either ("out.json.tmp...")
        for (const auto& e : fs::directory_iterator(dir)) EXPECT_NE(e.path().filename().string().rfind("out", 0), 0u) << c.name << ": " << e.path();
        fs::remove_all(dir);
    }
    EXPECT_GE(cases.size(), 25u);
}

// Declared sizes no machine holds: `inspect` shows the model and warns; `run` refuses it naming the
// input and its size.
TEST(Hostile, ImpossibleSizesAreShownByInspectAndRefusedByRun) {
    const std::vector<std::pair<std::string, std::vector<int64_t>>> models{
        {"petabytes", {1, 3, int64_t(1) << 24, int64_t(1) << 24}},                     // 3.4 PB of f32
        {"overflows_64_bits", {int64_t(1) << 40, int64_t(1) << 40, int64_t(1) << 40}}};  // 2^120 elements
    for (const auto& [name, dims] : models) {
        fs::path dir = tempDir("impossible-" + name);
        fs::path file = dir / (name + ".onnx");
        save(declaredInput(dims), file);
        Timed shown = timedCli("inspect " + file.string(), dir);
        EXPECT_EQ(shown.r.exitCode, 0) << name << ": " << shown.r.err;
        EXPECT_NE(shown.r.out.find("input     x  f32 ["), std::string::npos) << name << ": " << shown.r.out;
        EXPECT_NE(shown.r.out.find("warning"), std::string::npos) << name << ": " << shown.r.out;
        EXPECT_NE(shown.r.out.find("'x'"), std::string::npos) << name << ": " << shown.r.out;
        EXPECT_LT(shown.seconds, kBoundSeconds);
        Timed json = timedCli("inspect --json " + file.string(), dir);
        EXPECT_EQ(json.r.exitCode, 0) << name << ": " << json.r.err;
        EXPECT_NE(json.r.out.find("\"warnings\":[\""), std::string::npos) << name << ": " << json.r.out;
        Timed run = timedCli("run " + file.string() + " --save-outputs " + (dir / "out").string(), dir);
        expectRefused("run " + name, run, {file.string(), "input 'x'"});
        EXPECT_FALSE(fs::exists(dir / "out")) << name;
        fs::remove_all(dir);
    }
}

// Output paths that cannot be written are refused before the work, naming the option and the
// reason; no output of the command is left behind (profile writes several: none of them stays).
TEST(Hostile, UnwritableOutputsAreRefusedBeforeTheWorkAndLeaveNothing) {
    const fs::path dir = tempDir("hostile-outputs");
    fs::create_directory(dir / "sub");
    writeText(dir / "afile", "x");
    const std::string m = kBundled, d = dir.string();
    const std::string profile = "profile " + m + " --repeat 1 --warmup 0 ";
    const struct {
        std::string name, args;
        std::vector<std::string> expected;
    } cases[] = {
        {"json_folder_missing", profile + "--csv " + d + "/p.csv --json " + d + "/nosuch/p.json", {"--json", "nosuch", "does not exist"}},
        {"csv_is_a_folder", profile + "--json " + d + "/p.json --csv " + d + "/sub", {"--csv", "is a folder"}},
        {"config_under_a_file", profile + "--json " + d + "/p.json --save-config " + d + "/afile/c.json", {"--save-config", "afile", "is not a folder"}},
        {"report_folder_missing", profile + "--json " + d + "/p.json --report " + d + "/nosuch/r.html", {"--report", "does not exist"}},
        {"report_not_html_or_pdf", profile + "--json " + d + "/p.json --report " + d + "/r.docx", {"r.docx", ".html", ".pdf"}},
        {"same_file_twice", profile + "--json " + d + "/p.out --csv " + d + "/./p.out", {"--csv", "the same file as --json"}},
        {"run_outputs_is_a_file", "run " + m + " --save-outputs " + d + "/afile", {"--save-outputs", "is a file"}},
        {"bench_model_not_onnx", "bench --models " + d + "/afile --trials 1 --out " + d + "/b", {"afile"}},
        {"bench_dataset_missing", "bench --models " + m + " --trials 1 --dataset " + d + "/nosuch --out " + d + "/b", {"--dataset", "nosuch"}},
        {"compare_json", "compare " + m + " --data random --json " + d + "/nosuch/c.json", {"--json", "does not exist"}},
        {"quantize_output", "quantize " + m + " --data random -o " + d + "/sub", {"--output", "is a folder"}},
    };
    const fs::path scratch = tempDir("hostile-outputs-runner");  // the runner's stdout/stderr files
    for (const auto& c : cases) {
        expectRefused(c.name, timedCli(c.args, scratch), c.expected);
        std::vector<std::string> left;
        for (const auto& e : fs::directory_iterator(dir)) left.push_back(e.path().filename().string());
        std::sort(left.begin(), left.end());
        EXPECT_EQ(left, (std::vector<std::string>{"afile", "sub"})) << c.name;
    }
    fs::remove_all(dir);
    fs::remove_all(scratch);
}

// An FP32 fallback entry that names no node and no op type would keep nothing in FP32 without a
// word: every command taking the list refuses it, naming it. Real names and op types still work.
TEST(Hostile, FallbackNamesThatMatchNothingAreRefused) {
    const fs::path dir = tempDir("hostile-fallback");
    const std::string m = kBundled;
    for (const std::string& args : {"profile " + m + " --repeat 1 --warmup 0 --fp32-fallback NoSuchNode,Conv",
                                    "quantize " + m + " --data random -o " + (dir / "q.onnx").string() + " --fp32-fallback NoSuchNode"}) {
        expectRefused(args, timedCli(args, dir), {"'NoSuchNode'", "no node and no op type"});
        EXPECT_FALSE(fs::exists(dir / "q.onnx")) << args;
    }
    const CliResult ok = runCli("profile " + m + " --repeat 1 --warmup 0 --precision int8 --fp32-fallback Conv,/stem/stem.0/Conv", dir);
    EXPECT_EQ(ok.exitCode, 0) << ok.err;
    fs::remove_all(dir);
}

// profile calibrates on the batch it times: a --samples count has nothing to count and is refused
// (it used to be ignored while the saved config and the report recorded it).
TEST(Hostile, ProfileRefusesASampleCountItCannotUse) {
    const fs::path dir = tempDir("hostile-samples");
    const std::string args = "profile " + kBundled + " --repeat 1 --warmup 0 --samples 16";
    expectRefused("profile --samples", timedCli(args, dir), {"--samples", "calibrate MODEL --samples N"});
    fs::remove_all(dir);
}
