#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "loaders/nlp/model/model_file.hpp"
#include "loaders/nlp/model/perceptron.hpp"
#include "loaders/nlp/model/training.hpp"
#include "loaders/nlp/model/weight_table.hpp"

using namespace ng::nlp::model;

namespace {

// A toy task: the class is the colour word; the other feature is noise.
struct Toy {
  std::vector<FeatureKey> features;
  ClassId truth;
};

std::vector<Toy> toy_data() {
  const char* colours[] = {"red", "green", "blue"};
  const char* noise[] = {"big", "small", "round", "square"};
  std::vector<Toy> data;
  for (std::size_t i = 0; i < 60; ++i) {
    const auto c = static_cast<ClassId>(i % 3);
    data.push_back({{feature_key(1, hash_text(colours[c])), feature_key(2, hash_text(noise[i % 4])),
                     feature_key(0, 0)},
                    c});
  }
  return data;
}

AveragedPerceptron train_toy(std::uint64_t seed) {
  AveragedPerceptron perceptron(3);
  Rng rng(seed);
  const auto data = toy_data();
  std::vector<float> scores(3);
  for (int epoch = 0; epoch < 5; ++epoch) {
    for (std::size_t i : shuffled_order(data.size(), rng)) {
      std::fill(scores.begin(), scores.end(), 0.0f);
      perceptron.score(data[i].features, scores);
      const auto guess = static_cast<ClassId>(argmax<float>(scores));
      perceptron.tick();
      perceptron.update(data[i].features, data[i].truth, guess);
    }
  }
  return perceptron;
}

}  // namespace

TEST_CASE("the perceptron learns a separable task and its table scores like it", "[nlp][model]") {
  const auto perceptron = train_toy(7);
  const auto rows = perceptron.averaged();
  const std::string bytes = WeightTable::build(rows, 3);
  const WeightTable table = WeightTable::view(bytes);
  CHECK(table.num_classes() == 3);
  for (const Toy& toy : toy_data()) {
    std::vector<std::int32_t> scores(3, 0);
    table.add_scores(toy.features, scores);
    CHECK(argmax<std::int32_t>(scores) == toy.truth);
  }
}

TEST_CASE("averaged weights come out sorted by key and the same for the same seed", "[nlp][model]") {
  const auto a = train_toy(7).averaged();
  const auto b = train_toy(7).averaged();
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].key == b[i].key);
    CHECK(a[i].weights == b[i].weights);
    if (i) CHECK(a[i - 1].key < a[i].key);
  }
  CHECK(WeightTable::build(a, 3) == WeightTable::build(b, 3));
}

TEST_CASE("averaging weighs a weight by the decisions it survived", "[nlp][model]") {
  AveragedPerceptron perceptron(2);
  const std::vector<FeatureKey> f = {feature_key(1, 42)};
  perceptron.tick();
  perceptron.update(f, 1, 0);  // w1 = +1, w0 = -1 from decision 1 on
  perceptron.tick();
  perceptron.tick();
  perceptron.tick();  // four decisions in all; the weights held for three
  const auto rows = perceptron.averaged();
  REQUIRE(rows.size() == 1);
  REQUIRE(rows[0].weights.size() == 2);
  CHECK(rows[0].weights[0].second == Approx(-0.75));
  CHECK(rows[0].weights[1].second == Approx(0.75));
  CHECK(rows[0].updates == 1);
}

TEST_CASE("a weight table drops small weights and rarely updated features", "[nlp][model]") {
  std::vector<WeightRow> rows = {
      {feature_key(1, 1), 5, {{0, 2.0f}, {1, 0.01f}}},
      {feature_key(1, 2), 1, {{1, 3.0f}}},
  };
  const std::string bytes = WeightTable::build(rows, 2, CompressOptions{.min_weight = 0.1f, .min_updates = 2});
  const WeightTable table = WeightTable::view(bytes);
  CHECK(table.num_rows() == 1);
  const auto kept = table.weights(feature_key(1, 1));
  REQUIRE(kept.size() == 1);
  CHECK(kept[0].first == 0);
  CHECK(kept[0].second == Approx(2.0f).epsilon(1e-3));
  CHECK(table.weights(feature_key(1, 2)).empty());
  CHECK(table.weights(feature_key(9, 9)).empty());
}

TEST_CASE("a feature voting for most classes is stored dense and scores the same", "[nlp][model]") {
  std::vector<WeightRow> rows = {{feature_key(3, 3), 9, {{0, 1.0f}, {1, -2.0f}, {2, 4.0f}}}};
  const std::string bytes = WeightTable::build(rows, 3);
  const WeightTable table = WeightTable::view(bytes);
  std::vector<std::int32_t> scores(3, 0);
  const std::vector<FeatureKey> features = {feature_key(3, 3)};
  table.add_scores(features, scores);
  CHECK(scores[2] == 32767);
  CHECK(scores[1] == -16384);
  CHECK(table.weights(feature_key(3, 3)).size() == 3);
}

TEST_CASE("8-bit weights keep each row's weights within 1% of its largest", "[nlp][model]") {
  std::vector<WeightRow> rows = {
      {feature_key(1, 1), 3, {{0, 40.0f}, {1, -0.5f}, {2, 0.004f}}},
      {feature_key(1, 2), 3, {{1, 0.25f}, {2, -0.125f}}},
  };
  const std::string bytes = WeightTable::build(rows, 5, CompressOptions{.weight_bits = 8});
  const WeightTable table = WeightTable::view(bytes);
  const auto big = table.weights(feature_key(1, 1));
  REQUIRE(big.size() == 2);  // 0.004 is below 1% of 40: it rounds to nothing
  CHECK(big[0].second == Approx(40.0f).epsilon(0.01));
  CHECK(big[1].second == Approx(-0.5f).margin(0.4));
  const auto small = table.weights(feature_key(1, 2));
  REQUIRE(small.size() == 2);  // a row of small weights keeps its own precision
  CHECK(small[0].second == Approx(0.25f).epsilon(0.01));
  CHECK(small[1].second == Approx(-0.125f).epsilon(0.01));
  std::vector<std::int32_t> scores(5, 0);
  const std::vector<FeatureKey> both = {feature_key(1, 1), feature_key(1, 2)};
  table.add_scores(both, scores);
  CHECK(static_cast<float>(scores[0]) * table.scale() == Approx(40.0f).epsilon(0.01));
  CHECK(static_cast<float>(scores[1]) * table.scale() == Approx(-0.25f).margin(0.4));
}

TEST_CASE("corrupt weight tables and model files are refused", "[nlp][model]") {
  std::vector<WeightRow> rows = {{feature_key(1, 1), 1, {{0, 1.0f}}}};
  std::string bytes = WeightTable::build(rows, 2);
  CHECK_THROWS_AS(WeightTable::view(bytes.substr(0, bytes.size() - 4)), ng::Error);
  std::string bad_class = bytes;
  // The row's one entry is the last word: class 0 becomes class 7.
  bad_class[bad_class.size() - 4] = 7;
  CHECK_THROWS_AS(WeightTable::view(bad_class), ng::Error);
  CHECK_THROWS_AS(WeightTable::view("not a table at all, but long enough"), ng::Error);
  CHECK_THROWS_AS(ModelFile::view("NGMODEL1", "test"), ng::Error);
}

TEST_CASE("a model file keeps named sections aligned for in-place use", "[nlp][model]") {
  ModelFileWriter writer;
  writer.add("kind", "test 1");
  writer.add("classes", join_lines({"A", "B"}));
  CHECK_THROWS_AS(writer.add("kind", "again"), ng::Error);
  const std::string bytes = writer.finish();
  const ModelFile file = ModelFile::view(bytes, "test");
  CHECK(file.section("kind") == "test 1");
  CHECK(split_lines(file.section("classes")) == std::vector<std::string>{"A", "B"});
  CHECK((file.section("classes").data() - bytes.data()) % 16 == 0);
  CHECK_FALSE(file.find("weights"));
  CHECK_THROWS_AS(file.section("weights"), ng::Error);
}

TEST_CASE("the shuffle and the random draws are fixed by the seed", "[nlp][model]") {
  Rng a(123), b(123), c(124);
  const auto order_a = shuffled_order(50, a);
  CHECK(order_a == shuffled_order(50, b));
  CHECK(order_a != shuffled_order(50, c));
  std::vector<std::size_t> sorted = order_a;
  std::sort(sorted.begin(), sorted.end());
  for (std::size_t i = 0; i < sorted.size(); ++i) CHECK(sorted[i] == i);
  // The first numbers of seed 123 never change: trained models depend on them.
  Rng fixed(123);
  CHECK(fixed.next() == 0xb4dc9bd462de412bULL);
  CHECK(fixed.below(10) < 10);
}

TEST_CASE("argmax breaks ties towards the lowest class and skips disallowed ones", "[nlp][model]") {
  const std::vector<std::int32_t> scores = {3, 5, 5, 1};
  CHECK(argmax<std::int32_t>(scores) == 1);
  const std::vector<std::uint8_t> allowed = {1, 0, 1, 1};
  CHECK(argmax<std::int32_t>(scores, allowed) == 2);
  const std::vector<std::uint8_t> none = {0, 0, 0, 0};
  CHECK(argmax<std::int32_t>(scores, none) == scores.size());
}
