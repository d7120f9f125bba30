#include "makeorbuy/core/answers.hpp"

#include "makeorbuy/core/text.hpp"

#include <algorithm>
#include <stdexcept>

namespace makeorbuy {

const char* to_string(Origin origin) {
    switch (origin) {
    case Origin::flag:
        return "flag";
    case Origin::file:
        return "file";
    case Origin::interview:
        return "interview";
    case Origin::default_value:
        return "default";
    }
    return "default";
}

std::size_t Answers::index_of(std::string_view key) const {
    if (!m_index.empty()) {
        const auto it = m_index.find(key);
        return it == m_index.end() ? m_values.size() : it->second;
    }
    for (std::size_t i = 0; i < m_values.size(); ++i) {
        const std::string& k = m_values[i].first;
        if (k.size() == key.size() && std::equal(k.begin(), k.end(), key.begin())) return i;
    }
    return m_values.size();
}

void Answers::set(const std::string& key, Answer answer) {
    const std::size_t i = index_of(key);
    if (i < m_values.size())
        m_values[i].second = std::move(answer);
    else {
        m_values.emplace_back(key, std::move(answer));
        if (!m_index.empty())
            m_index.emplace(key, m_values.size() - 1);
        else if (m_values.size() > k_scan_limit)
            reindex();
    }
}

void Answers::reindex() {
    m_index.clear();
    if (m_values.size() <= k_scan_limit) return;
    m_index.reserve(m_values.size());
    for (std::size_t i = 0; i < m_values.size(); ++i)
        m_index.emplace(m_values[i].first, i);
}

void Answers::erase(std::string_view key) {
    const std::size_t i = index_of(key);
    if (i < m_values.size()) {
        m_values.erase(m_values.begin() + static_cast<std::ptrdiff_t>(i));
        if (!m_index.empty()) reindex();
    }
}

Value Answers::exchange(std::string_view key, Value value) {
    const std::size_t i = index_of(key);
    if (i == m_values.size()) throw std::logic_error("Answers::exchange: no answer to exchange");
    std::swap(m_values[i].second.value, value);
    return value;
}

const Answer* Answers::find(std::string_view key) const {
    const std::size_t i = index_of(key);
    return i < m_values.size() ? &m_values[i].second : nullptr;
}

const Value* Answers::value(std::string_view key) const {
    const Answer* answer = find(key);
    return answer ? &answer->value : nullptr;
}

std::vector<Answers::Entry> Answers::all() const {
    std::vector<Entry> sorted = m_values;
    std::sort(sorted.begin(), sorted.end(), [](const Entry& a, const Entry& b) { return a.first < b.first; });
    return sorted;
}

std::string display_value(const Value& value) {
    if (const auto* number = std::get_if<double>(&value)) return format_number(*number, 6);
    if (const auto* choice = std::get_if<std::string>(&value)) return *choice;
    const auto& list = std::get<std::vector<std::string>>(value);
    return list.empty() ? std::string("(none)") : join(list, ",");
}

} // namespace makeorbuy
