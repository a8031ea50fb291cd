// Element types the kernels do not compute in (float64, int16, uint16, uint32, uint64) are read
// from .npy, TensorProto and initializers and converted to f32 / s32 / s64; bool stays bool;
// float16 maths is refused with its message.
#include <gtest/gtest.h>
#include <onnx/onnx_pb.h>

#include <cstring>
#include <fstream>

#include "core/data/npy.h"
#include "importers/onnx/tensor_proto.h"
#include "tests/unit/cli_runner.h"
#include "tests/unit/test_models.h"

using namespace ql;
using namespace ql::test;
namespace fs = std::filesystem;

namespace {

template <typename T>
std::string bytesOf(const std::vector<T>& v) {
    std::string s(v.size() * sizeof(T), '\0');
    std::memcpy(s.data(), v.data(), s.size());
    return s;
}

void writeNpy(const fs::path& f, const std::string& descr, const std::string& shape, const std::string& data) {
    std::string header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    header.append(63 - (10 + header.size()) % 64, ' ');
    header += '\n';
    std::ofstream(f, std::ios::binary) << std::string("\x93NUMPY\x01\x00", 8) << char(header.size() & 0xff) << char(header.size() >> 8) << header
                                       << data;
}

std::vector<double> values(const ir::Tensor& t) {
    std::vector<double> v;
    for (int64_t i = 0; i < t.numel(); ++i) v.push_back(t.getAsDouble(i));
    return v;
}

}  // namespace

TEST(DTypes, NpyOfEveryConvertedTypeIsReadIntoTheKernelsType) {
    fs::path dir = tempDir("dtype-npy");
    struct Case {
        std::string descr, data;
        ir::DType want;
        std::vector<double> values;
    };
    const std::vector<Case> cases{
        {"<f8", bytesOf<double>({1.5, -2.25, 1e300}), ir::DType::F32, {1.5, -2.25, double(std::numeric_limits<float>::infinity())}},
        {"<i2", bytesOf<int16_t>({-32768, 7, 32767}), ir::DType::S32, {-32768, 7, 32767}},
        {"<u2", bytesOf<uint16_t>({0, 40000, 65535}), ir::DType::S32, {0, 40000, 65535}},
        {"<u4", bytesOf<uint32_t>({0, 3000000000u, 4294967295u}), ir::DType::S64, {0, 3000000000.0, 4294967295.0}},
        {"<u8", bytesOf<uint64_t>({0, 5, uint64_t(1) << 62}), ir::DType::S64, {0, 5, double(uint64_t(1) << 62)}},
        {"|b1", std::string("\x01\x00\x01", 3), ir::DType::Bool, {1, 0, 1}},
    };
    for (const Case& c : cases) {
        const fs::path f = dir / "a.npy";
        writeNpy(f, c.descr, "(3,)", c.data);
        auto t = data::readNpy(f);
        ASSERT_TRUE(t.isOk()) << c.descr << ": " << t.message();
        EXPECT_EQ(t->dtype(), c.want) << c.descr;
        EXPECT_EQ(values(*t), c.values) << c.descr;
    }
    writeNpy(dir / "big.npy", "<u8", "(2,)", bytesOf<uint64_t>({1, ~uint64_t(0)}));
    auto big = data::readNpy(dir / "big.npy");
    ASSERT_FALSE(big.isOk());
    EXPECT_NE(big.message().find("entry 1 = 18446744073709551615 does not fit int64"), std::string::npos) << big.message();
    writeNpy(dir / "short.npy", "<f8", "(3,)", bytesOf<double>({1, 2}));  // 16 of 24 bytes
    auto shortFile = data::readNpy(dir / "short.npy");
    ASSERT_FALSE(shortFile.isOk());
    EXPECT_NE(shortFile.message().find("needs 24 bytes, the file holds 16"), std::string::npos) << shortFile.message();
    fs::remove_all(dir);
}

TEST(DTypes, TensorProtoOfEveryConvertedTypeIsReadFromRawAndTypedFields) {
    auto read = [](const onnx::TensorProto& p) { return onnx_io::tensorFromProto(p, "."); };
    onnx::TensorProto p;
    p.add_dims(2);
    p.set_data_type(onnx::TensorProto::DOUBLE);
    p.set_raw_data(bytesOf<double>({0.5, -3}));
    auto d = read(p);
    ASSERT_TRUE(d.isOk()) << d.message();
    EXPECT_EQ(d->dtype(), ir::DType::F32);
    EXPECT_EQ(values(*d), (std::vector<double>{0.5, -3}));
    p.clear_raw_data();
    p.add_double_data(2.5);
    p.add_double_data(-1);
    EXPECT_EQ(values(read(p).value()), (std::vector<double>{2.5, -1}));

    p.Clear();
    p.add_dims(2);
    p.set_data_type(onnx::TensorProto::INT16);
    p.set_raw_data(bytesOf<int16_t>({-5, 300}));
    EXPECT_EQ(values(read(p).value()), (std::vector<double>{-5, 300}));
    p.clear_raw_data();
    p.add_int32_data(-7);
    p.add_int32_data(12);
    EXPECT_EQ(read(p)->dtype(), ir::DType::S32);
    EXPECT_EQ(values(read(p).value()), (std::vector<double>{-7, 12}));

    p.Clear();
    p.add_dims(2);
    p.set_data_type(onnx::TensorProto::UINT16);
    p.add_int32_data(65535);
    p.add_int32_data(1);
    EXPECT_EQ(values(read(p).value()), (std::vector<double>{65535, 1}));

    p.Clear();
    p.add_dims(2);
    p.set_data_type(onnx::TensorProto::UINT32);
    p.add_uint64_data(4294967295u);
    p.add_uint64_data(2);
    EXPECT_EQ(read(p)->dtype(), ir::DType::S64);
    EXPECT_EQ(values(read(p).value()), (std::vector<double>{4294967295.0, 2}));

    p.Clear();
    p.add_dims(2);
    p.set_data_type(onnx::TensorProto::UINT64);
    p.set_raw_data(bytesOf<uint64_t>({9, uint64_t(INT64_MAX)}));
    EXPECT_EQ(read(p)->data<int64_t>()[1], INT64_MAX);
    p.set_raw_data(bytesOf<uint64_t>({9, uint64_t(INT64_MAX) + 1}));
    EXPECT_NE(read(p).message().find("does not fit int64"), std::string::npos);
    p.set_raw_data(bytesOf<uint64_t>({9}));  // one of two
    EXPECT_NE(read(p).message().find("raw_data holds 8 entries/bytes, shape needs 16"), std::string::npos) << read(p).message();

    p.Clear();
    p.add_dims(3);
    p.set_data_type(onnx::TensorProto::BOOL);
    for (int v : {1, 0, 5}) p.add_int32_data(v);
    EXPECT_EQ(read(p)->dtype(), ir::DType::Bool);
    EXPECT_EQ(values(read(p).value()), (std::vector<double>{1, 0, 1}));
}

// Through the CLI: a float64 input file into a model declared in float64, cast to int16, uint32
// and bool; the outputs come back converted (int16 -> s32, uint32 -> s64).
TEST(DTypes, RunReadsConvertedInputsAndCasts) {
    fs::path dir = tempDir("dtype-run");
    OnnxBuilder b;
    b.input("x", {4}, onnx::TensorProto::DOUBLE).output("i16").output("u32").output("flag").output("back");
    OnnxBuilder::setInt(b.node("Cast", {"x"}, {"i16"}, "to_i16"), "to", onnx::TensorProto::INT16);
    OnnxBuilder::setInt(b.node("Cast", {"x"}, {"u32"}, "to_u32"), "to", onnx::TensorProto::UINT32);
    OnnxBuilder::setInt(b.node("Cast", {"x"}, {"flag"}, "to_bool"), "to", onnx::TensorProto::BOOL);
    OnnxBuilder::setInt(b.node("Cast", {"i16"}, {"back"}, "to_f64"), "to", onnx::TensorProto::DOUBLE);
    const fs::path model = b.save(dir, "casts.onnx");
    writeNpy(dir / "x.npy", "<f8", "(4,)", bytesOf<double>({3.0, 0.0, 7.0, 65535.0}));
    CliResult r = runCli("run " + model.string() + " --input x=" + (dir / "x.npy").string() + " --save-outputs " + (dir / "out").string(), dir);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto i16 = data::readNpy(dir / "out" / "i16.npy"), u32 = data::readNpy(dir / "out" / "u32.npy");
    auto flag = data::readNpy(dir / "out" / "flag.npy"), back = data::readNpy(dir / "out" / "back.npy");
    ASSERT_TRUE(i16.isOk() && u32.isOk() && flag.isOk() && back.isOk()) << r.out;
    EXPECT_EQ(i16->dtype(), ir::DType::S32);
    EXPECT_EQ(u32->dtype(), ir::DType::S64);
    EXPECT_EQ(flag->dtype(), ir::DType::Bool);
    EXPECT_EQ(back->dtype(), ir::DType::F32);
    EXPECT_EQ(values(*u32), (std::vector<double>{3, 0, 7, 65535}));
    EXPECT_EQ(values(*flag), (std::vector<double>{1, 0, 1, 1}));
    EXPECT_EQ(values(*back), values(*i16));

    // float16 maths stays refused, with its message
    OnnxBuilder h;
    h.input("x", {4}, onnx::TensorProto::FLOAT16).output("y");
    h.node("Relu", {"x"}, {"y"}, "relu");
    const fs::path half = h.save(dir, "half.onnx");
    CliResult refused = runCli("run " + half.string(), dir);
    EXPECT_EQ(refused.exitCode, 2) << refused.err;
    EXPECT_NE(refused.err.find("node 'relu' (Relu): reference kernel supports f32 only"), std::string::npos) << refused.err;
    fs::remove_all(dir);
}
