/**
 * How each line of the statistics is defined, in words: the one text the report page, the exports
 * and the API documentation (docs/api.md, checked by packages/domain/test/stat-definitions.test.ts)
 * carry. The counting itself is ./figures.ts; ADR 025 records how these choices stand against the
 * official regime (Circular 10/2017/TT-BTP indicators 1901–1906, Circular 05/2024/TT-BTP forms).
 * Light: the labels entry takes it.
 */
export const STAT_DEFINITION_KEYS = [
  "carried_over",
  "completed",
  "money_completed",
  "terminated",
  "postponed_suspended",
  "unclassified",
  "separate_register",
  "transferred_out",
  "moved",
  "breakdowns",
] as const;
export type StatDefinitionKey = (typeof STAT_DEFINITION_KEYS)[number];

export const STAT_DEFINITIONS: Readonly<Record<StatDefinitionKey, { vi: string; en: string }>> = {
  carried_over: {
    vi: "Năm trước chuyển sang: với kỳ từ ngày A đến ngày B bất kỳ, là các việc còn phải thi hành vào cuối ngày trước ngày A (không kể việc ở sổ theo dõi riêng), với số tiền còn phải thi hành lúc đó; với năm thống kê là số còn lại ngày 30/9 năm trước.",
    en: "Carried over: for any period from day A to day B, the cases still to enforce at the end of the day before A (not those in the separate register), with the money then outstanding; for a statistical year, what remained on 30 September of the year before.",
  },
  completed: {
    vi: "Thi hành xong (về việc): việc thi hành xong trong kỳ. Tỷ lệ thi hành xong tính cả việc đình chỉ, như số liệu công bố: (thi hành xong + đình chỉ) / có điều kiện thi hành.",
    en: "Completed (cases): cases completed within the period. The completion rate counts terminated cases as done, as the published figures do: (completed + terminated) / enforceable.",
  },
  money_completed: {
    vi: "Thi hành xong (về tiền): số tiền thu được trong kỳ, kể cả các khoản thu từng phần của việc chưa xong; tỷ lệ về tiền = (tiền thu được + tiền được đình chỉ) / tiền có điều kiện thi hành.",
    en: "Completed (money): the money collected within the period, partial payments of cases not yet completed included; money rate = (collected + written off by termination) / enforceable money.",
  },
  terminated: {
    vi: "Đình chỉ thi hành án: việc đình chỉ trong kỳ; về tiền, số tiền còn phải thi hành được đình chỉ. Được tính trong kết quả xong của tỷ lệ.",
    en: "Terminated: cases terminated within the period; in money, the outstanding amount written off. Counted as done in the rate.",
  },
  postponed_suspended: {
    vi: "Hoãn, tạm đình chỉ: việc đang hoãn hoặc tạm đình chỉ vào cuối kỳ; nằm trong số có điều kiện thi hành (chưa xong), không thuộc số chưa có điều kiện.",
    en: "Postponed, suspended: cases postponed or suspended at the end of the period; inside the enforceable cases (not done), not among those without means.",
  },
  unclassified: {
    vi: "Khác (chưa phân loại): việc đã thụ lý nhưng cuối kỳ chưa được xác minh, phân loại điều kiện thi hành; được tính trong số có điều kiện thi hành cho tới khi phân loại.",
    en: "Other (not classified yet): cases accepted but not yet verified and classified at the end of the period; counted as enforceable until classified.",
  },
  separate_register: {
    vi: "Sổ theo dõi riêng: việc chuyển sổ trong kỳ được trừ khỏi tổng số phải thi hành; việc đưa ra khỏi sổ khi có thông tin mới được cộng vào tổng số thụ lý; số việc còn ở sổ cuối kỳ chỉ để theo dõi, không tính vào số phải thi hành hay chuyển kỳ sau.",
    en: "Separate register: cases moved to it within the period leave the cases to enforce; cases taken back on new information join the total accepted; those still in it at the end are a memo figure, outside the cases to enforce and carried to the next period.",
  },
  transferred_out: {
    vi: "Ủy thác: việc ủy thác cho cơ quan thi hành án dân sự tỉnh khác hoặc cơ quan thi hành án cấp quân khu trong kỳ, với số tiền còn phải thi hành lúc ủy thác; tỉnh nhận ủy thác thống kê là việc thụ lý mới.",
    en: "Transferred out: cases transferred to another province's agency or to a military-region enforcement agency within the period, with the money outstanding at transfer; a receiving province counts them as newly accepted.",
  },
  moved: {
    vi: 'Nhận từ / chuyển cho đơn vị khác trong tỉnh: việc cơ quan thi hành án dân sự tỉnh giao cho một phòng thi hành án dân sự khu vực (hoặc chuyển giữa các đơn vị của tỉnh) được tính cho đơn vị giữ việc vào từng ngày: trước ngày giao ở đơn vị giao, từ ngày giao ở đơn vị nhận; đơn vị giao ghi "chuyển cho đơn vị khác" (trừ khỏi số phải thi hành), đơn vị nhận ghi "nhận từ đơn vị khác" (cộng vào số phải thi hành), với số tiền còn phải thi hành ngày giao. Ở cấp tỉnh và toàn quốc hai dòng bằng nhau: mỗi việc chỉ được tính một lần trong tổng số thụ lý và số phải thi hành; số liệu các kỳ đã qua không thay đổi khi việc được giao sau đó.',
    en: "Received from / given to another unit of the province: a case the provincial bureau gives to a regional office (or moved between the province's units) counts, day by day, under the unit holding it: before the assignment at the giving unit, from its date at the receiving one; the giver records it as given to another unit (out of its cases to enforce), the receiver as received (into its cases to enforce), with the money outstanding on that day. For a province and the nation the two lines are equal: a case counts once in the total accepted and the cases to enforce; the figures of past periods do not change when a case is moved later.",
  },
  breakdowns: {
    vi: "Phân tích: mỗi dòng được chia theo hình thức thi hành án (chủ động / theo yêu cầu) và theo loại bản án, quyết định; các phần của mỗi cách chia cộng lại đúng bằng dòng, về việc và về tiền.",
    en: "Breakdowns: every line is split by how the case was opened (ex officio / on request) and by type of judgment; the parts of each split add up exactly to the line, by cases and by money.",
  },
};
