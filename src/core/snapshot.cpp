#include "makeorbuy/core/snapshot.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <concepts>
#include <cstring>
#include <type_traits>
#include <utility>

namespace makeorbuy {

namespace {

// Each table type lists its members once, here; the writer and the reader
// both walk that list, so the two cannot disagree on order. A member left
// out would be lost silently, so the tests compare a table read back from
// its snapshot with the same table loaded from JSON, member by member
// (the types' defaulted operator==).
template <typename T, typename U>
concept same_type = std::same_as<std::remove_const_t<T>, U>;

template <typename A, same_type<ChoiceValue> T> void fields(A& a, T& x) {
    a(x.value, x.text, x.aliases);
}
template <typename A, same_type<Condition> T> void fields(A& a, T& x) {
    a(x.kind, x.children, x.key, x.op, x.strings, x.number, x.numeric, x.flag, x.figure, x.pointer);
}
template <typename A, same_type<FigureRef> T> void fields(A& a, T& x) {
    a(x.kind, x.option, x.other);
}
template <typename A, same_type<Uncertainty> T> void fields(A& a, T& x) {
    a(x.factor, x.plus_minus);
}
template <typename A, same_type<Question> T> void fields(A& a, T& x) {
    a(x.key, x.prompt, x.help, x.type, x.values, x.min, x.max, x.unit, x.default_value, x.default_text,
      x.ask_if, x.purpose, x.uncertainty, x.actionable);
}
template <typename A, same_type<Option> T> void fields(A& a, T& x) {
    a(x.id, x.name, x.summary, x.examples);
}
template <typename A, same_type<Scale> T> void fields(A& a, T& x) {
    a(x.question, x.figure, x.from, x.to, x.curve);
}
template <typename A, same_type<Effect> T> void fields(A& a, T& x) {
    a(x.option, x.points);
}
template <typename A, same_type<Rule> T> void fields(A& a, T& x) {
    a(x.id, x.when, x.effects, x.weight, x.scale, x.more_scales, x.rationale, x.guide, x.pointer);
}
template <typename A, same_type<Constraint> T> void fields(A& a, T& x) {
    a(x.id, x.when, x.exclude, x.exclude_per_token, x.rationale, x.guide, x.pointer);
}
template <typename A, same_type<Advice> T> void fields(A& a, T& x) {
    a(x.id, x.when, x.text, x.guide, x.pointer);
}
template <typename A, same_type<RouteLane> T> void fields(A& a, T& x) {
    a(x.role, x.options, x.share, x.text);
}
template <typename A, same_type<Route> T> void fields(A& a, T& x) {
    a(x.id, x.when, x.lanes, x.fallback, x.share_source, x.text, x.guide, x.pointer);
}
template <typename A, same_type<RuleSet> T> void fields(A& a, T& x) {
    a(x.id, x.version, x.title, x.questions, x.options, x.rules, x.constraints, x.advice, x.routes,
      x.fingerprint, x.origin);
}

template <typename A, same_type<ApiModel> T> void fields(A& a, T& x) {
    a(x.id, x.input_per_token, x.output_per_token, x.source, x.retrieved_on, x.litellm_key, x.tier,
      x.cached_input_per_token, x.cache_source, x.cache_retrieved_on, x.batch_input_per_token,
      x.batch_output_per_token, x.batch_source, x.batch_retrieved_on);
}
template <typename A, same_type<GpuOffer> T> void fields(A& a, T& x) {
    a(x.id, x.gpu, x.usd_per_gpu_hour, x.source, x.retrieved_on);
}
template <typename A, same_type<ServingProfile> T> void fields(A& a, T& x) {
    a(x.id, x.model, x.gpus_per_replica, x.output_tokens_per_s, x.source, x.tier);
}
template <typename A, same_type<FineTuning> T> void fields(A& a, T& x) {
    a(x.id, x.gpu_hours_per_run, x.runs, x.data_usd, x.eval_usd, x.retrain_every_months, x.source);
}
template <typename A, same_type<StaffBand> T> void fields(A& a, T& x) {
    a(x.up_to_replicas, x.fte);
}
template <typename A, same_type<ServingFactor> T> void fields(A& a, T& x) {
    a(x.id, x.value, x.source, x.retrieved_on);
}
template <typename A, same_type<OptionPlan> T> void fields(A& a, T& x) {
    a(x.option, x.api_model, x.gpu_offer, x.serving, x.fte, x.staffing, x.staffing_source, x.setup_months,
      x.fine_tuning, x.alternative_api_model);
}
template <typename A, same_type<CostProfile> T> void fields(A& a, T& x) {
    a(x.id, x.text, x.reference_option, x.plans);
}
template <typename A, same_type<PriceTable> T> void fields(A& a, T& x) {
    a(x.as_of, x.currency, x.origin, x.hours_per_month, x.target_utilization, x.peak_to_average,
      x.min_replicas, x.horizon_months, x.tokens_in, x.tokens_out, x.engineer_usd_per_year, x.default_profile,
      x.api_models, x.gpu_offers, x.serving, x.fine_tuning, x.profiles, x.volume_patterns, x.latency_classes,
      x.task_kinds);
}

// The last value of each enum the tables hold: a snapshot holding a larger
// one is damaged.
constexpr QuestionType last_of(QuestionType /*unused*/) {
    return QuestionType::integer;
}
constexpr ConditionKind last_of(ConditionKind /*unused*/) {
    return ConditionKind::test;
}
constexpr TestOp last_of(TestOp /*unused*/) {
    return TestOp::answered;
}
constexpr Curve last_of(Curve /*unused*/) {
    return Curve::log;
}
constexpr FigureKind last_of(FigureKind /*unused*/) {
    return FigureKind::form_crossover;
}

// Option indices must point into the table's options.
bool figure_fits(const std::optional<FigureRef>& figure, std::size_t n) {
    return !figure || (figure->option < n && figure->other < n);
}
bool indices_fit(const Condition& condition, std::size_t n) {
    if (!figure_fits(condition.figure, n)) return false;
    return std::all_of(condition.children.begin(), condition.children.end(),
                       [n](const Condition& c) { return indices_fit(c, n); });
}
bool indices_fit(const RuleSet& rules) {
    const std::size_t n = rules.options.size();
    for (const Rule& rule : rules.rules) {
        for (const Effect& effect : rule.effects)
            if (effect.option >= n) return false;
        if (!indices_fit(rule.when, n) || (rule.scale && !figure_fits(rule.scale->figure, n))) return false;
        for (const Scale& scale : rule.more_scales)
            if (!figure_fits(scale.figure, n)) return false;
    }
    for (const Constraint& constraint : rules.constraints) {
        for (const std::size_t option : constraint.exclude)
            if (option >= n) return false;
        if (!indices_fit(constraint.when, n)) return false;
    }
    for (const Advice& advice : rules.advice)
        if (!indices_fit(advice.when, n)) return false;
    auto lane_fits = [n](const RouteLane& lane) {
        return std::all_of(lane.options.begin(), lane.options.end(), [n](std::size_t o) { return o < n; });
    };
    for (const Route& route : rules.routes) {
        if (!indices_fit(route.when, n) || !std::all_of(route.lanes.begin(), route.lanes.end(), lane_fits) ||
            (route.fallback && !lane_fits(*route.fallback)))
            return false;
    }
    return true;
}
bool indices_fit(const PriceTable& /*unused*/) {
    return true;
}

// The first bytes: the kind of table and the layout version. Bump the
// version when a member is added, removed or reordered above.
constexpr std::string_view k_rules_magic = "makeorbuy-rules-snapshot/4\n";
constexpr std::string_view k_prices_magic = "makeorbuy-prices-snapshot/4\n";

class Writer {
public:
    explicit Writer(std::string_view magic)
        : m_bytes(magic) {}

    template <typename... Ts> void operator()(const Ts&... values) { (put(values), ...); }

    std::string take() { return std::move(m_bytes); }

private:
    void put_size(std::size_t n) { // LEB128
        do {
            const auto low = static_cast<unsigned char>(n & 0x7fU);
            n >>= 7U;
            m_bytes += static_cast<char>(n != 0 ? (low | 0x80U) : low);
        } while (n != 0);
    }
    void put(std::size_t n) { put_size(n); }
    void put(bool b) { m_bytes += b ? '\1' : '\0'; }
    void put(double d) {
        char raw[sizeof d];
        std::memcpy(raw, &d, sizeof d);
        m_bytes.append(raw, sizeof raw);
    }
    void put(const std::string& s) {
        put_size(s.size());
        m_bytes += s;
    }
    template <typename E>
    requires std::is_enum_v<E>
    void put(E e) { put_size(static_cast<std::size_t>(e)); }
    template <typename T> void put(const std::vector<T>& items) {
        put_size(items.size());
        for (const T& item : items)
            put(item);
    }
    template <typename T> void put(const std::optional<T>& value) {
        put(value.has_value());
        if (value) put(*value);
    }
    void put(const Value& value) {
        put_size(value.index());
        std::visit([this](const auto& v) { put(v); }, value);
    }
    template <typename T>
    requires std::is_class_v<T>
    void put(const T& value) { fields(*this, value); }

    std::string m_bytes;
};

class Reader {
public:
    Reader(std::string_view bytes, std::string_view magic, std::string name)
        : m_bytes(bytes)
        , m_name(std::move(name)) {
        if (m_bytes.substr(0, magic.size()) != magic)
            fail(fmt::format("not a {}", magic.substr(0, magic.size() - 1)));
        m_pos = magic.size();
    }

    template <typename... Ts> void operator()(Ts&... values) { (get(values), ...); }

    template <typename Table> void finish(const Table& table) const {
        if (m_pos != m_bytes.size()) fail("bytes left over after the table");
        if (!indices_fit(table)) fail("an option index out of range");
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw Error(Location{m_name},
                    fmt::format("damaged table snapshot ({} at byte {}); rebuild makeorbuy", what, m_pos));
    }
    std::size_t get_size() {
        std::size_t n = 0;
        for (unsigned shift = 0;; shift += 7) {
            if (m_pos >= m_bytes.size() || shift > 63) fail("a size runs past the end");
            const auto byte = static_cast<unsigned char>(m_bytes[m_pos++]);
            n |= static_cast<std::size_t>(byte & 0x7fU) << shift;
            if ((byte & 0x80U) == 0) return n;
        }
    }
    // A count of items, each at least one byte: more than the bytes left is damage.
    std::size_t get_count() {
        const std::size_t n = get_size();
        if (n > m_bytes.size() - m_pos) fail("a count larger than the snapshot");
        return n;
    }
    void get(std::size_t& n) { n = get_size(); }
    void get(bool& b) {
        if (m_pos >= m_bytes.size()) fail("it ends early");
        b = m_bytes[m_pos++] != '\0';
    }
    void get(double& d) {
        if (m_bytes.size() - m_pos < sizeof d) fail("it ends early");
        std::memcpy(&d, m_bytes.data() + m_pos, sizeof d);
        m_pos += sizeof d;
    }
    void get(std::string& s) {
        const std::size_t n = get_count();
        s.assign(m_bytes.data() + m_pos, n);
        m_pos += n;
    }
    template <typename E>
    requires std::is_enum_v<E>
    void get(E& e) {
        const std::size_t value = get_size();
        if (value > static_cast<std::size_t>(last_of(E{}))) fail("a value out of range");
        e = static_cast<E>(value);
    }
    template <typename T> void get(std::vector<T>& items) {
        items.resize(get_count());
        for (T& item : items)
            get(item);
    }
    template <typename T> void get(std::optional<T>& value) {
        bool present = false;
        get(present);
        if (!present) {
            value.reset();
            return;
        }
        get(value.emplace());
    }
    void get(Value& value) {
        switch (get_size()) {
        case 0:
            get(value.emplace<std::string>());
            return;
        case 1:
            get(value.emplace<double>());
            return;
        case 2:
            get(value.emplace<std::vector<std::string>>());
            return;
        default:
            fail("an answer of unknown type");
        }
    }
    template <typename T>
    requires std::is_class_v<T>
    void get(T& value) { fields(*this, value); }

    std::string_view m_bytes;
    std::size_t m_pos = 0;
    std::string m_name;
};

template <typename Table> std::string write(const Table& table, std::string_view magic) {
    Writer writer(magic);
    writer(table);
    return writer.take();
}

template <typename Table>
Table read(std::string_view bytes, std::string_view magic, const std::string& name) {
    Reader reader(bytes, magic, name);
    Table table;
    reader(table);
    reader.finish(table);
    return table;
}

} // namespace

std::string snapshot_of(const RuleSet& rules) {
    return write(rules, k_rules_magic);
}

std::string snapshot_of(const PriceTable& prices) {
    return write(prices, k_prices_magic);
}

RuleSet rules_from_snapshot(std::string_view bytes, const std::string& name) {
    return read<RuleSet>(bytes, k_rules_magic, name);
}

PriceTable prices_from_snapshot(std::string_view bytes, const std::string& name) {
    return read<PriceTable>(bytes, k_prices_magic, name);
}

} // namespace makeorbuy
