// Pack detection: a repository without a config gets the built-in pack whose markers it holds.
// Each case is a small repository with only the files that make its layout, so a marker that
// another pack also matches (openshift and open-cluster-management both have guidelines/ and
// enhancements/) shows up here.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "engine/linter.h"
#include "engine/session.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;

class PackDetection : public ::testing::Test {
 protected:
  void SetUp() override {
    const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
    root_ = fs::temp_directory_path() /
            ("keplint-detect-" + std::string(info->name()) + "-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  void write(const std::string& path, const std::string& text) {
    fs::create_directories((root_ / path).parent_path());
    std::ofstream(root_ / path, std::ios::binary) << text;
  }

  std::string detected() {
    SessionOptions options;
    options.repo_dir = root_;
    Session session = open_session(options);
    return session.pack->name;
  }

  fs::path root_;
};

TEST_F(PackDetection, GatewayApiByItsGepTemplate) {
  write("geps/gep-696/metadata.yaml", "kind: GEPDetails\nnumber: 696\n");
  write("geps/gep-696/index.md", "---\ntitle: \"GEP-696: GEP template\"\n---\n");
  write("geps/gep-1234/metadata.yaml", "kind: GEPDetails\nnumber: 1234\n");
  EXPECT_EQ(detected(), "gateway-api");
}

TEST_F(PackDetection, GatewayApiByItsMetadataSchema) {
  write("pkg/gep/gepdetail.go", "package v1alpha1\n");
  EXPECT_EQ(detected(), "gateway-api");
}

TEST_F(PackDetection, ClusterApiByItsProposalTemplate) {
  write("docs/proposals/YYYYMMDD-template.md", "---\ntitle: Proposal Template\n---\n");
  write("docs/proposals/20240102-machine-pools-v2.md", "---\ntitle: Machine pools v2\n---\n");
  EXPECT_EQ(detected(), "cluster-api");
}

TEST_F(PackDetection, OpenClusterManagementByItsMetadataTemplate) {
  write("guidelines/metadata.yaml", "title: neat-enhancement-idea\n");
  write("guidelines/README.md", "# Metadata\n");
  write("enhancements/sig-architecture/240-addon-rollout/metadata.yaml", "title: addon-rollout\n");
  EXPECT_EQ(detected(), "open-cluster-management");
}

// openshift/enhancements also has guidelines/ and enhancements/, but no guidelines/metadata.yaml.
TEST_F(PackDetection, OpenshiftStaysOpenshift) {
  write("guidelines/enhancement_template.md", "---\ntitle: neat-enhancement-idea\n---\n");
  write("guidelines/README.md", "# Guidelines\n");
  write("enhancements/README.md", "# Enhancements\n");
  EXPECT_EQ(detected(), "openshift");
}

TEST_F(PackDetection, KubernetesStaysKubernetes) {
  write("keps/sig-node/1234-foo/kep.yaml", "title: Foo\n");
  EXPECT_EQ(detected(), "kubernetes");
}

}  // namespace
}  // namespace keplint
