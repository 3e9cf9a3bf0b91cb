<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CalibrationVerdict</name>
    <message>
        <source>over-confident by %1 points</source>
        <translation>过度自信 %1 个百分点</translation>
    </message>
    <message>
        <source>under-confident by %1 points</source>
        <translation>信心不足 %1 个百分点</translation>
    </message>
    <message>
        <source>the two agree within a point on average (the diagram shows where single bins part)</source>
        <translation>两者平均相差不到一个百分点（图中可见各分箱在哪里偏离）</translation>
    </message>
    <message>
        <source>On average it is %1 sure and right %2 of the time: %3.</source>
        <translation>平均而言，它有 %1 的把握，实际正确率为 %2：%3。</translation>
    </message>
    <message>
        <source>After scaling (T = %1): %2 sure and right %3: %4.</source>
        <translation>缩放后（T = %1）：把握为 %2，正确率为 %3：%4。</translation>
    </message>
</context>
<context>
    <name>CompareSummary</name>
    <message>
        <source>mean confidence</source>
        <translation>平均置信度</translation>
    </message>
    <message>
        <source>worst-bin calibration error (MCE)</source>
        <translation>最差分箱校准误差（MCE）</translation>
    </message>
    <message>
        <source>RMS calibration error</source>
        <translation>均方根校准误差</translation>
    </message>
    <message>
        <source>adaptive calibration error (ACE)</source>
        <translation>自适应校准误差（ACE）</translation>
    </message>
    <message>
        <source>Brier score</source>
        <translation>Brier 分数</translation>
    </message>
    <message>
        <source>NLL</source>
        <translation>NLL</translation>
    </message>
    <message>
        <source>telling right from wrong (AUROC)</source>
        <translation>区分对错（AUROC）</translation>
    </message>
    <message>
        <source>risk–coverage (AURC)</source>
        <translation>风险–覆盖率（AURC）</translation>
    </message>
    <message>
        <source>“I don&apos;t know” rate</source>
        <translation>“我不知道”比例</translation>
    </message>
    <message>
        <source>accuracy on answered questions</source>
        <translation>已作答问题的准确率</translation>
    </message>
    <message>
        <source>calibration error on answered questions</source>
        <translation>已作答问题的校准误差</translation>
    </message>
    <message>
        <source>In short</source>
        <translation>简而言之</translation>
    </message>
    <message>
        <source>%1 is right more often than %2: %3 of the time against %4.</source>
        <translation>%1比%2更常答对：正确率 %3，对方为 %4。</translation>
    </message>
    <message>
        <source>%1 is right less often than %2: %3 of the time against %4.</source>
        <translation>%1不如%2常答对：正确率 %3，对方为 %4。</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %2 are right about as often (%3 and %4): the difference is within what chance gives on %n question(s).</source>
        <translation>
            <numerusform>%1和%2答对的频率相近（%3 和 %4）：在 %n 个问题上，这一差别在随机波动范围之内。</numerusform>
        </translation>
    </message>
    <message>
        <source>Its confidence can be trusted more: its calibration error is %1 against %2.</source>
        <translation>它的置信度更可信：校准误差为 %1，对方为 %2。</translation>
    </message>
    <message>
        <source>Its confidence can be trusted less: its calibration error is %1 against %2.</source>
        <translation>它的置信度不那么可信：校准误差为 %1，对方为 %2。</translation>
    </message>
    <message>
        <source>Their confidence is about as trustworthy (calibration errors %1 and %2): the difference is within chance.</source>
        <translation>两者的置信度可信程度相近（校准误差 %1 和 %2）：差别在随机波动范围之内。</translation>
    </message>
    <message>
        <source>Also clearly better for %1: %2.</source>
        <translation>%1另外明显更好的方面：%2。</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>ECE</source>
        <translation>ECE</translation>
    </message>
    <message>
        <source>MCE</source>
        <translation>MCE</translation>
    </message>
    <message>
        <source>RMSCE</source>
        <translation>RMSCE</translation>
    </message>
    <message>
        <source>ACE</source>
        <translation>ACE</translation>
    </message>
    <message>
        <source>AUROC</source>
        <translation>AUROC</translation>
    </message>
    <message>
        <source>AURC</source>
        <translation>AURC</translation>
    </message>
    <message>
        <source>IDK rate</source>
        <translation>“我不知道”比例</translation>
    </message>
    <message>
        <source>Accuracy on answered items</source>
        <translation>已作答题目的准确率</translation>
    </message>
    <message>
        <source>ECE on answered items</source>
        <translation>已作答题目的 ECE</translation>
    </message>
    <message>
        <source>%1 is undefined for run %2 or run %3 on the shared items (every item right or every item wrong): no comparison</source>
        <translation>在共同的题目上，运行 %2 或运行 %3 的%1没有定义（题目全对或全错）：无法比较</translation>
    </message>
    <message>
        <source>%1 of run %2 differs from run %3 by %4 (no interval: the metric was undefined in every bootstrap replicate)</source>
        <translation>运行 %2 的%1与运行 %3 相差 %4（没有区间：该指标在每次自助重抽样中都没有定义）</translation>
    </message>
    <message>
        <source>not a significant difference</source>
        <translation>差异不显著</translation>
    </message>
    <message>
        <source>run %1 is better (higher)</source>
        <translation>运行 %1 更好（更高）</translation>
    </message>
    <message>
        <source>run %1 is better (lower)</source>
        <translation>运行 %1 更好（更低）</translation>
    </message>
    <message>
        <source>run %1 is better (run %2 is higher)</source>
        <translation>运行 %1 更好（运行 %2 更高）</translation>
    </message>
    <message>
        <source>run %1 is better (run %2 is lower)</source>
        <translation>运行 %1 更好（运行 %2 更低）</translation>
    </message>
    <message>
        <source>a significant difference: run %1 is higher (neither direction is better in itself)</source>
        <translation>差异显著：运行 %1 更高（哪个方向本身都不算更好）</translation>
    </message>
    <message>
        <source>a significant difference: run %1 is lower (neither direction is better in itself)</source>
        <translation>差异显著：运行 %1 更低（哪个方向本身都不算更好）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 (run %2)</source>
        <extracomment>A model and its run, e.g. &quot;shapes-mm (run 5)&quot;; %1 is the model&apos;s name in bold</extracomment>
        <translation>%1（运行 %2）</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>One sentence after another in a paragraph; the space between them is the language&apos;s</extracomment>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>%1 of run %2 differs from run %3 by %4 (%5 % interval %6 to %7)</source>
        <translation>运行 %2 的%1与运行 %3 相差 %4（%5 % 区间 %6 至 %7）</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <source>%1:%2: %3</source>
        <translation>%1 第 %2 行：%3</translation>
    </message>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1：无法打开：%2</translation>
    </message>
    <message>
        <source>%1: not a regular file</source>
        <translation>%1：不是普通文件</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>没有这个文件或文件夹</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>没有访问权限</translation>
    </message>
    <message>
        <source>expected %1 at column %2, found %3</source>
        <translation>第 %2 列应为%1，实际是%3</translation>
    </message>
    <message>
        <source>the end of the line</source>
        <translation>行尾</translation>
    </message>
    <message>
        <source>&apos;{&apos; (each line must be one JSON object)</source>
        <translation>“{”（每行必须是一个 JSON 对象）</translation>
    </message>
    <message>
        <source>a key in quotes</source>
        <translation>带引号的键名</translation>
    </message>
    <message>
        <source>&apos;:&apos; after key %1</source>
        <translation>键 %1 之后的“:”</translation>
    </message>
    <message>
        <source>&apos;:&apos;</source>
        <translation>“:”</translation>
    </message>
    <message>
        <source>&apos;,&apos; or &apos;%1&apos;</source>
        <translation>“,”或“%1”</translation>
    </message>
    <message>
        <source>&apos;,&apos; or &apos;]&apos; in %1</source>
        <translation>%1 中的“,”或“]”</translation>
    </message>
    <message>
        <source>the end of the line after the object</source>
        <translation>对象之后的行尾</translation>
    </message>
    <message>
        <source>true or false for %1</source>
        <translation>%1 的 true 或 false</translation>
    </message>
    <message>
        <source>a number for %1</source>
        <translation>%1 的数值</translation>
    </message>
    <message>
        <source>a digit after &apos;.&apos;</source>
        <translation>“.”之后的数字</translation>
    </message>
    <message>
        <source>a digit in the exponent</source>
        <translation>指数中的数字</translation>
    </message>
    <message>
        <source>an array of numbers for %1</source>
        <translation>%1 的数值数组</translation>
    </message>
    <message>
        <source>a string or a number for %1</source>
        <translation>%1 的字符串或数值</translation>
    </message>
    <message>
        <source>a string for %1</source>
        <translation>%1 的字符串</translation>
    </message>
    <message>
        <source>an array of letters for %1</source>
        <translation>%1 的字母数组</translation>
    </message>
    <message>
        <source>a letter in quotes in %1</source>
        <translation>%1 中带引号的字母</translation>
    </message>
    <message>
        <source>a value</source>
        <translation>一个值</translation>
    </message>
    <message>
        <source>unterminated string starting before column %1</source>
        <translation>第 %1 列之前开始的字符串没有结束</translation>
    </message>
    <message>
        <source>control character in a string at column %1</source>
        <translation>第 %1 列的字符串中有控制字符</translation>
    </message>
    <message>
        <source>invalid UTF-8 in a string at column %1</source>
        <translation>第 %1 列的字符串中有无效的 UTF-8</translation>
    </message>
    <message>
        <source>unpaired surrogate in a \u escape before column %1</source>
        <translation>第 %1 列之前的 \u 转义中有不成对的代理项</translation>
    </message>
    <message>
        <source>invalid escape &apos;%1&apos; at column %2</source>
        <translation>第 %2 列的转义“%1”无效</translation>
    </message>
    <message>
        <source>malformed escape in a string before column %1</source>
        <translation>第 %1 列之前的字符串中转义格式有误</translation>
    </message>
    <message>
        <source>JSON nested too deeply at column %1</source>
        <translation>第 %1 列的 JSON 嵌套过深</translation>
    </message>
    <message>
        <source>value %1 of %2</source>
        <translation>%2 的第 %1 个值</translation>
    </message>
    <message>
        <source>%1 is NaN; only finite numbers are allowed</source>
        <translation>%1 是 NaN；只允许有限的数值</translation>
    </message>
    <message>
        <source>%1 is %2Infinity; only finite numbers are allowed</source>
        <translation>%1 是 %2Infinity；只允许有限的数值</translation>
    </message>
    <message>
        <source>%1 is null; a number is needed</source>
        <translation>%1 是 null；这里需要一个数值</translation>
    </message>
    <message>
        <source>%1 (%2) is out of the range of a double; only finite numbers are allowed</source>
        <translation>%1（%2）超出了双精度数的范围；只允许有限的数值</translation>
    </message>
    <message>
        <source>%1 is %2; a whole number is needed</source>
        <translation>%1 是 %2；这里需要一个整数</translation>
    </message>
    <message>
        <source>key %1 appears twice</source>
        <translation>键 %1 出现了两次</translation>
    </message>
    <message>
        <source>both &quot;logits&quot; and &quot;probs&quot; are given (or one twice); give exactly one</source>
        <translation>同时给出了 &quot;logits&quot; 和 &quot;probs&quot;（或其中一个出现两次）；只能给出一个</translation>
    </message>
    <message>
        <source>%1 has more than 26 values; at most 26 options (A-Z) are supported</source>
        <translation>%1 的值超过 26 个；最多支持 26 个选项（A–Z）</translation>
    </message>
    <message>
        <source>%1 has more than %2 values</source>
        <translation>%1 的值超过 %2 个</translation>
    </message>
    <message>
        <source>%1 %2 is not an option letter (A-Z) or an index</source>
        <translation>%1 %2 不是选项字母（A–Z）或序号</translation>
    </message>
    <message>
        <source>%1 is %2; use -1 or null for none</source>
        <translation>%1 是 %2；没有时请用 -1 或 null</translation>
    </message>
    <message>
        <source>%1 must list option letters; found %2</source>
        <translation>%1 必须列出选项字母；实际是 %2</translation>
    </message>
    <message>
        <source>%1 names the letter %2 twice</source>
        <translation>%1 两次列出字母 %2</translation>
    </message>
    <message>
        <source>no &quot;logits&quot; or &quot;probs&quot;</source>
        <translation>没有 &quot;logits&quot; 或 &quot;probs&quot;</translation>
    </message>
    <message>
        <source>%1 has %2 value(s); at least 2 options are needed</source>
        <translation>%1 只有 %2 个值；至少需要 2 个选项</translation>
    </message>
    <message>
        <source>%1 has %2 values; at most 26 options (A-Z) are supported</source>
        <translation>%1 有 %2 个值；最多支持 26 个选项（A–Z）</translation>
    </message>
    <message>
        <source>value %1 of %2 is %3; probabilities must lie in [0, 1]</source>
        <translation>%2 的第 %1 个值是 %3；概率必须在 [0, 1] 之内</translation>
    </message>
    <message>
        <source>all values of %1 are 0</source>
        <translation>%1 的值全部为 0</translation>
    </message>
    <message>
        <source>%1 names %2 letters but %3 has %4 values</source>
        <translation>%1 列出了 %2 个字母，但 %3 有 %4 个值</translation>
    </message>
    <message>
        <source>no &quot;label&quot;</source>
        <translation>没有 &quot;label&quot;（正确答案）</translation>
    </message>
    <message>
        <source>%1 %2 is not among the options %3</source>
        <translation>%1 %2 不在选项 %3 之中</translation>
    </message>
    <message>
        <source>label %1 is out of range for %2 options (0-%3)</source>
        <translation>label（正确答案）%1 超出了 %2 个选项的范围（0–%3）</translation>
    </message>
    <message>
        <source>label %1 is out of range for %2 options (0-%3, or A-%4)</source>
        <translation>label（正确答案）%1 超出了 %2 个选项的范围（0–%3，或 A–%4）</translation>
    </message>
    <message>
        <source>idk_index %1 is out of range for %2 options</source>
        <translation>idk_index %1 超出了 %2 个选项的范围</translation>
    </message>
    <message>
        <source>answer %1 is out of range for %2 options (null: the model gave no option letter)</source>
        <translation>answer（模型的回答）%1 超出了 %2 个选项的范围（null 表示模型没有给出选项字母）</translation>
    </message>
    <message>
        <source>&quot;answer_only&quot; needs &quot;answer&quot; (an option, or null for none)</source>
        <translation>&quot;answer_only&quot; 需要 &quot;answer&quot;（一个选项，没有时为 null）</translation>
    </message>
    <message>
        <source>&quot;conf_vocab&quot; is %1; a probability in [0, 1] is needed</source>
        <translation>&quot;conf_vocab&quot; 是 %1；这里需要 [0, 1] 之内的概率</translation>
    </message>
    <message>
        <source>&quot;vocab_logits&quot; has %1 values, fewer than the %2 options (it holds the whole vocabulary&apos;s logits of the answer step)</source>
        <translation>&quot;vocab_logits&quot; 只有 %1 个值，少于 %2 个选项（它应包含回答那一步整个词表的 logits）</translation>
    </message>
    <message>
        <source>&quot;vocab_logits&quot; needs &quot;logits&quot; (the option letters&apos; raw logits of the same step), not &quot;probs&quot;</source>
        <translation>&quot;vocab_logits&quot; 需要 &quot;logits&quot;（同一步各选项字母的原始 logits），而不是 &quot;probs&quot;</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>item %1</source>
        <translation>第 %1 项</translation>
    </message>
    <message>
        <source>%1 (id %2)</source>
        <translation>%1（ID %2）</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>第 %1 行第 %2 列</translation>
    </message>
    <message>
        <source>%1: the file is empty; expected a JSON list of items</source>
        <translation>%1：文件是空的；应为一个由题目组成的 JSON 列表</translation>
    </message>
    <message>
        <source>%1: lists and objects nested deeper than %2 levels at %3; expected a JSON list of items, each an object a few levels deep</source>
        <translation>%1：%3 处的列表和对象嵌套超过 %2 层；应为一个由题目组成的 JSON 列表，每个题目是一个只嵌套几层的对象</translation>
    </message>
    <message>
        <source>%1: malformed JSON at %2: %3</source>
        <translation>%1：%2 处的 JSON 格式有误：%3</translation>
    </message>
    <message>
        <source>%1: expected a JSON list of items, found %2</source>
        <translation>%1：应为一个由题目组成的 JSON 列表，实际是%2</translation>
    </message>
    <message>
        <source>a %1</source>
        <translation>一个 %1</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>一个对象</translation>
    </message>
    <message>
        <source>an object with keys %1</source>
        <translation>一个含有键 %1 的对象</translation>
    </message>
    <message>
        <source>expected an object, found %1</source>
        <translation>应为一个对象，实际是 %1</translation>
    </message>
    <message>
        <source>expected &quot;conversations&quot; with a human turn and an answer turn</source>
        <translation>应有 &quot;conversations&quot;，其中包含提问一轮和回答一轮</translation>
    </message>
    <message>
        <source>each turn of &quot;conversations&quot; needs a string &quot;value&quot;</source>
        <translation>&quot;conversations&quot; 的每一轮都需要一个字符串 &quot;value&quot;</translation>
    </message>
    <message>
        <source>no options found in the question (expected lines such as &quot;A. ...&quot;, &quot;(B) ...&quot;)</source>
        <translation>题目中没有找到选项（应有 &quot;A. ...&quot;、&quot;(B) ...&quot; 这样的行）</translation>
    </message>
    <message>
        <source>duplicate id %1 (first used by item %2)</source>
        <translation>ID %1 重复（第 %2 项已使用）</translation>
    </message>
    <message>
        <source>image file not found: %1</source>
        <translation>找不到图像文件：%1</translation>
    </message>
    <message>
        <source>empty image path</source>
        <translation>图像路径是空的</translation>
    </message>
    <message>
        <source>image path %1 leaves the dataset folder %2</source>
        <translation>图像路径 %1 超出了数据集文件夹 %2</translation>
    </message>
    <message>
        <source>image path %1 is a link to a file outside the dataset folder (%2)</source>
        <translation>图像路径 %1 是指向数据集文件夹之外文件的链接（%2）</translation>
    </message>
    <message>
        <source>the embedded image of %1</source>
        <translation>%1 的内嵌图像</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>the image cannot be decoded: %1</source>
        <translation>图像无法解码：%1</translation>
    </message>
    <message>
        <source>%1: the file is empty; expected a header row</source>
        <translation>%1：文件是空的；应有一行表头</translation>
    </message>
    <message>
        <source>%1: line 1: the header has no %2 column (found: %3)</source>
        <translation>%1 第 1 行：表头中没有 %2 列（实际有：%3）</translation>
    </message>
    <message>
        <source>expected %1 tab-separated fields, found %2</source>
        <translation>应有 %1 个以制表符分隔的字段，实际有 %2 个</translation>
    </message>
    <message>
        <source>option %1 is given but an earlier option is missing</source>
        <translation>给出了选项 %1，但缺少它之前的选项</translation>
    </message>
    <message>
        <source>fewer than two options are given</source>
        <translation>给出的选项少于两个</translation>
    </message>
    <message>
        <source>the image is not valid base64: %1</source>
        <translation>图像不是有效的 base64：%1</translation>
    </message>
    <message>
        <source>the image refers to index %1, which has no image</source>
        <translation>图像指向序号 %1，但该序号没有图像</translation>
    </message>
    <message>
        <source>lists and objects nested deeper than %1 levels at column %2; expected one JSON object a line</source>
        <translation>第 %2 列的列表和对象嵌套超过 %1 层；每行应为一个 JSON 对象</translation>
    </message>
    <message>
        <source>malformed JSON: %1</source>
        <translation>JSON 格式有误：%1</translation>
    </message>
    <message>
        <source>expected an object with &quot;question_id&quot; and &quot;answer&quot;</source>
        <translation>应为一个含有 &quot;question_id&quot; 和 &quot;answer&quot; 的对象</translation>
    </message>
    <message>
        <source>%1: the file is empty</source>
        <translation>%1：文件是空的</translation>
    </message>
    <message>
        <source>expected a JSON object, found %1</source>
        <translation>应为一个 JSON 对象，实际是 %1</translation>
    </message>
    <message>
        <source>no &quot;question_id&quot;</source>
        <translation>没有 &quot;question_id&quot;</translation>
    </message>
    <message>
        <source>no &quot;text&quot; (the question with its options)</source>
        <translation>没有 &quot;text&quot;（带选项的题目）</translation>
    </message>
    <message>
        <source>no options found in &quot;text&quot; (expected lines such as &quot;A. ...&quot;)</source>
        <translation>&quot;text&quot; 中没有找到选项（应有 &quot;A. ...&quot; 这样的行）</translation>
    </message>
    <message>
        <source>no answer for question_id %1 in %2</source>
        <translation>%2 中没有 question_id %1 的答案</translation>
    </message>
    <message>
        <source>the answer is empty</source>
        <translation>答案是空的</translation>
    </message>
    <message>
        <source>the answer %1 names option letter %2, which is not one of the options (%3)</source>
        <translation>答案 %1 指向选项字母 %2，但它不在选项（%3）之中</translation>
    </message>
    <message>
        <source>no option letter (%1) found in the answer %2</source>
        <translation>答案 %2 中没有找到选项字母（%1）</translation>
    </message>
    <message>
        <source>the answer %1 names several options</source>
        <translation>答案 %1 指向了多个选项</translation>
    </message>
    <message>
        <source>%1: nested deeper than %2 levels (at byte %3); a model card nests a few</source>
        <translation>%1：嵌套超过 %2 层（在第 %3 个字节处）；模型卡只需嵌套几层</translation>
    </message>
    <message>
        <source>%1: the key &quot;%2&quot; appears twice (JSON keeps only one of them: give it once)</source>
        <translation>%1：键 &quot;%2&quot; 出现了两次（JSON 只会保留其中一个：请只写一次）</translation>
    </message>
    <message>
        <source>%1: malformed JSON: %2</source>
        <translation>%1：JSON 格式有误：%2</translation>
    </message>
    <message>
        <source>%1: cannot open the model card</source>
        <translation>%1：无法打开模型卡</translation>
    </message>
    <message>
        <source>%1: cannot read the model card</source>
        <translation>%1：无法读取模型卡</translation>
    </message>
    <message>
        <source>%1: a model card must be a JSON object</source>
        <translation>%1：模型卡必须是一个 JSON 对象</translation>
    </message>
    <message>
        <source>%1: field &quot;%2&quot;: %3</source>
        <translation>%1：字段 &quot;%2&quot;：%3</translation>
    </message>
    <message>
        <source>missing (a string is required)</source>
        <translation>缺失（需要一个字符串）</translation>
    </message>
    <message>
        <source>expected a string, found %1</source>
        <translation>应为字符串，实际是 %1</translation>
    </message>
    <message>
        <source>expected a list such as [&quot;image&quot;, &quot;text&quot;]</source>
        <translation>应为 [&quot;image&quot;, &quot;text&quot;] 这样的列表</translation>
    </message>
    <message>
        <source>unknown modality %1 (expected &quot;image&quot; or &quot;text&quot;)</source>
        <translation>未知的模态 %1（应为 &quot;image&quot; 或 &quot;text&quot;）</translation>
    </message>
    <message>
        <source>must include &quot;text&quot;</source>
        <translation>必须包含 &quot;text&quot;</translation>
    </message>
    <message>
        <source>a card must not hold a key (cards are copied into projects and reports): put the key in an environment variable and name it in &quot;api_key_env&quot;</source>
        <translation>模型卡中不能存放密钥（模型卡会被复制到项目和报告中）：请把密钥放在环境变量里，并在 &quot;api_key_env&quot; 中写出它的名字</translation>
    </message>
    <message>
        <source>not used by the &quot;openai&quot; backend (the server holds the model, its tokenizer and its image processing): leave it out</source>
        <translation>&quot;openai&quot; 后端不使用此字段（模型、分词器和图像处理都在服务器上）：请删去</translation>
    </message>
    <message>
        <source>expected a URL such as &quot;http://gpu-box:8000/v1&quot;</source>
        <translation>应为 &quot;http://gpu-box:8000/v1&quot; 这样的网址</translation>
    </message>
    <message>
        <source>the scheme must be http or https; found &quot;%1&quot;</source>
        <translation>协议必须是 http 或 https；实际是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the URL has no host</source>
        <translation>网址中没有主机名</translation>
    </message>
    <message>
        <source>the URL holds a space or a control character</source>
        <translation>网址中有空格或控制字符</translation>
    </message>
    <message>
        <source>the URL must end at the API&apos;s root (e.g. &quot;/v1&quot;), without a query</source>
        <translation>网址必须止于 API 的根路径（例如 &quot;/v1&quot;），不能带查询参数</translation>
    </message>
    <message>
        <source>empty (the server&apos;s model id)</source>
        <translation>为空（应为服务器上的模型 ID）</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <source>expected the name of an environment variable (capitals, digits and _, e.g. &quot;UNVEIL_API_KEY&quot;), not the key itself</source>
        <translation>应为环境变量的名字（大写字母、数字和 _，例如 &quot;UNVEIL_API_KEY&quot;），而不是密钥本身</translation>
    </message>
    <message>
        <source>expected a whole number from %1 to %2, found %3</source>
        <translation>应为 %1 到 %2 之间的整数，实际是 %3</translation>
    </message>
    <message>
        <source>expected a whole number from 1 to 1000 (OpenAI allows 20; vLLM up to its --max-logprobs), found %1</source>
        <translation>应为 1 到 1000 之间的整数（OpenAI 最多允许 20；vLLM 最多到它的 --max-logprobs），实际是 %1</translation>
    </message>
    <message>
        <source>expected seconds from 0.1 to 3600, found %1</source>
        <translation>应为 0.1 到 3600 之间的秒数，实际是 %1</translation>
    </message>
    <message>
        <source>expected &quot;png&quot; or &quot;jpeg&quot;; found &quot;%1&quot;</source>
        <translation>应为 &quot;png&quot; 或 &quot;jpeg&quot;；实际是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>empty (leave the field out for the study&apos;s template, or give one with {question} and {options})</source>
        <translation>为空（删去该字段即使用研究的模板，或给出含 {question} 和 {options} 的模板）</translation>
    </message>
    <message>
        <source>expected &quot;torchscript&quot; (a model file of the contract) or &quot;openai&quot; (an OpenAI-compatible server); found &quot;%1&quot;</source>
        <translation>应为 &quot;torchscript&quot;（符合约定的模型文件）或 &quot;openai&quot;（兼容 OpenAI 的服务器）；实际是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>empty (the TorchScript file, e.g. &quot;model.pt&quot;)</source>
        <translation>为空（应为 TorchScript 文件，例如 &quot;model.pt&quot;）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; lies outside the card&apos;s folder %2 (the TorchScript file must be in that folder or below it)</source>
        <translation>&quot;%1&quot; 位于模型卡文件夹 %2 之外（TorchScript 文件必须在该文件夹或其子文件夹中）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names the card&apos;s folder, not a file</source>
        <translation>&quot;%1&quot; 指的是模型卡所在的文件夹，而不是文件</translation>
    </message>
    <message>
        <source>missing (a list such as [&quot;image&quot;, &quot;text&quot;])</source>
        <translation>缺失（应为 [&quot;image&quot;, &quot;text&quot;] 这样的列表）</translation>
    </message>
    <message>
        <source>missing (size, resize, mean, std, channel_order) for an image model</source>
        <translation>缺失（图像模型需要 size、resize、mean、std、channel_order）</translation>
    </message>
    <message>
        <source>whole numbers from 1 to 4096 are required</source>
        <translation>需要 1 到 4096 之间的整数</translation>
    </message>
    <message>
        <source>expected stretch, letterbox or crop; found &quot;%1&quot;</source>
        <translation>应为 stretch、letterbox 或 crop；实际是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected RGB or BGR</source>
        <translation>应为 RGB 或 BGR</translation>
    </message>
    <message>
        <source>expected three numbers</source>
        <translation>应为三个数</translation>
    </message>
    <message>
        <source>expected three finite numbers</source>
        <translation>应为三个有限的数</translation>
    </message>
    <message>
        <source>must be positive</source>
        <translation>必须为正数</translation>
    </message>
    <message>
        <source>missing ({&quot;type&quot;: &quot;wordlevel&quot;, &quot;vocab&quot;: &quot;vocab.json&quot;} or {&quot;type&quot;: &quot;sentencepiece&quot;, &quot;model&quot;: &quot;tokenizer.model&quot;})</source>
        <translation>缺失（应为 {&quot;type&quot;: &quot;wordlevel&quot;, &quot;vocab&quot;: &quot;vocab.json&quot;} 或 {&quot;type&quot;: &quot;sentencepiece&quot;, &quot;model&quot;: &quot;tokenizer.model&quot;}）</translation>
    </message>
    <message>
        <source>sentencepiece: %1</source>
        <translation>sentencepiece：%1</translation>
    </message>
    <message>
        <source>expected true or false, found %1</source>
        <translation>应为 true 或 false，实际是 %1</translation>
    </message>
    <message>
        <source>expected &quot;wordlevel&quot; or &quot;sentencepiece&quot;; found &quot;%1&quot;</source>
        <translation>应为 &quot;wordlevel&quot; 或 &quot;sentencepiece&quot;；实际是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected a file name, found %1</source>
        <translation>应为文件名，实际是 %1</translation>
    </message>
    <message>
        <source>missing (the vocabulary file, e.g. &quot;vocab.json&quot;)</source>
        <translation>缺失（应为词表文件，例如 &quot;vocab.json&quot;）</translation>
    </message>
    <message>
        <source>missing (the SentencePiece model file, e.g. &quot;tokenizer.model&quot;)</source>
        <translation>缺失（应为 SentencePiece 模型文件，例如 &quot;tokenizer.model&quot;）</translation>
    </message>
    <message>
        <source>missing (e.g. {&quot;A&quot;: 12, &quot;B&quot;: 13, ...})</source>
        <translation>缺失（例如 {&quot;A&quot;: 12, &quot;B&quot;: 13, ...}）</translation>
    </message>
    <message>
        <source>keys must be letters A-Z; found &quot;%1&quot;</source>
        <translation>键必须是字母 A–Z；实际是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the id of &quot;%1&quot; must be a non-negative integer</source>
        <translation>&quot;%1&quot; 的 ID 必须是非负整数</translation>
    </message>
    <message>
        <source>expected a non-negative whole number, found %1</source>
        <translation>应为非负整数，实际是 %1</translation>
    </message>
    <message>
        <source>item &quot;%1&quot;</source>
        <translation>条目“%1”</translation>
    </message>
    <message>
        <source>%1: no such project file</source>
        <translation>%1：没有这个项目文件</translation>
    </message>
    <message>
        <source>%1: not an Unveil project (it is a folder)</source>
        <translation>%1：不是 Unveil 项目（这是一个文件夹）</translation>
    </message>
    <message>
        <source>%1: not an Unveil project (the file is empty)</source>
        <translation>%1：不是 Unveil 项目（文件是空的）</translation>
    </message>
    <message>
        <source>%1: not an Unveil project (the file is not an SQLite database)</source>
        <translation>%1：不是 Unveil 项目（文件不是 SQLite 数据库）</translation>
    </message>
    <message>
        <source>%1: the project file is truncated (%2 bytes, the header promises %3); it cannot be opened safely</source>
        <translation>%1：项目文件不完整（%2 字节，文件头声明应有 %3 字节）；无法安全打开</translation>
    </message>
    <message>
        <source>%1: written by a newer version of Unveil (project format %2; this build reads up to %3); it was not changed</source>
        <translation>%1：由更新版本的 Unveil 写入（项目格式 %2；此版本最多读取到 %3）；文件未被改动</translation>
    </message>
    <message>
        <source>%1: not an Unveil project (an SQLite database with other tables)</source>
        <translation>%1：不是 Unveil 项目（是含有其他表的 SQLite 数据库）</translation>
    </message>
    <message>
        <source>%1: an older project format (%2) that must be upgraded, but the file is read-only</source>
        <translation>%1：旧的项目格式（%2）需要升级，但文件是只读的</translation>
    </message>
    <message>
        <source>%1 is read-only</source>
        <translation>%1 是只读的</translation>
    </message>
    <message>
        <source>%1 is read-only: it was opened for reading, and nothing can be saved to it</source>
        <translation>%1 是只读的：已以只读方式打开，任何内容都无法保存到其中</translation>
    </message>
    <message>
        <source>%1: the project is locked by another program that is writing to it; try again when it has finished</source>
        <translation>%1：项目被另一个正在写入的程序锁定；请在它完成后重试</translation>
    </message>
    <message>
        <source>%1: the project file is damaged (%2)</source>
        <translation>%1：项目文件已损坏（%2）</translation>
    </message>
    <message>
        <source>%1: cannot read the changes its log (%1-wal) holds: the folder is read-only, and a private copy to read them from %2</source>
        <translation>%1：无法读取其日志（%1-wal）中的更改：文件夹是只读的，而用于读取的私有副本%2</translation>
    </message>
    <message>
        <source>could not be made (%1)</source>
        <translation>无法创建（%1）</translation>
    </message>
    <message>
        <source>could not be written (%1)</source>
        <translation>无法写入（%1）</translation>
    </message>
    <message>
        <source>could not be read (%1)</source>
        <translation>无法读取（%1）</translation>
    </message>
    <message>
        <source>a dataset named &quot;%1&quot; is already in %2</source>
        <translation>%2 中已有名为“%1”的数据集</translation>
    </message>
    <message>
        <source>no run %1 in %2</source>
        <translation>%2 中没有运行 %1</translation>
    </message>
    <message>
        <source>no prompt search %1 in %2</source>
        <translation>%2 中没有提示词搜索 %1</translation>
    </message>
    <message>
        <source>no predictions to import</source>
        <translation>没有可导入的预测</translation>
    </message>
    <message>
        <source>no prediction is left to import: all %1 were skipped (the first: %2)</source>
        <translation>没有剩下可导入的预测：全部 %1 条都被跳过（第一条：%2）</translation>
    </message>
    <message>
        <source>%1: prediction id &quot;%2&quot; appears twice</source>
        <translation>%1：预测编号“%2”出现了两次</translation>
    </message>
    <message>
        <source>%1: cannot write the copy of the project (%2)</source>
        <translation>%1：无法写入项目的副本（%2）</translation>
    </message>
    <message>
        <source>its temporary file was replaced</source>
        <translation>它的临时文件被替换了</translation>
    </message>
    <message>
        <source>%1: run %2, item id %3: a prediction with NaN values cannot be stored</source>
        <translation>%1：运行 %2，条目编号 %3：含 NaN 值的预测无法保存</translation>
    </message>
    <message>
        <source>%1: %2 bytes, above the limit of %3 bytes for an encoded image</source>
        <translation>%1：%2 字节，超过了编码图像 %3 字节的上限</translation>
    </message>
    <message>
        <source>%1: %2 of %3 pixels (%4), above the limit of %5 pixels; not decoded</source>
        <translation>%1：%3 像素的 %2（%4 像素），超过了 %5 像素的上限；未解码</translation>
    </message>
    <message>
        <source>%1: GIF of %2 pixels: this build&apos;s OpenCV has no GIF decoder; expected PNG, JPEG, BMP or WebP</source>
        <translation>%1：%2 像素的 GIF：此版本的 OpenCV 没有 GIF 解码器；应为 PNG、JPEG、BMP 或 WebP</translation>
    </message>
    <message>
        <source>%1: corrupt or truncated %2 (%3 pixels): the decoder rejected it</source>
        <translation>%1：%2 已损坏或不完整（%3 像素）：解码器拒绝了它</translation>
    </message>
    <message>
        <source>%1: %2 decoded to %3 pixels, above the limit of %4</source>
        <translation>%1：%2 解码后为 %3 像素，超过了 %4 的上限</translation>
    </message>
    <message>
        <source>%1: corrupt or unsupported %2: %3</source>
        <translation>%1：%2 已损坏或不受支持：%3</translation>
    </message>
    <message>
        <source>%1: out of memory decoding %2 of %3 pixels</source>
        <translation>%1：解码 %3 像素的 %2 时内存不足</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>没有这个文件</translation>
    </message>
    <message>
        <source>%1: cannot read its size: %2</source>
        <translation>%1：无法读取其大小：%2</translation>
    </message>
    <message>
        <source>%1: %2 bytes, above the limit of %3 bytes for an image file</source>
        <translation>%1：%2 字节，超过了图像文件 %3 字节的上限</translation>
    </message>
    <message>
        <source>%1: cannot open for reading</source>
        <translation>%1：无法打开读取</translation>
    </message>
    <message>
        <source>%1: read %2 of %3 bytes</source>
        <translation>%1：只读到 %3 字节中的 %2 字节</translation>
    </message>
    <message>
        <source>%1: expected an image path, found an empty one</source>
        <translation>%1：应为图像路径，实际为空</translation>
    </message>
    <message>
        <source>%1: expected a path relative to the dataset root, found an absolute path</source>
        <translation>%1：应为相对于数据集根目录的路径，实际是绝对路径</translation>
    </message>
    <message>
        <source>%1: the path leaves the dataset root %2</source>
        <translation>%1：路径超出了数据集根目录 %2</translation>
    </message>
    <message>
        <source>%1: the image is a link to a file outside the dataset root %2 (%3)</source>
        <translation>%1：该图像是指向数据集根目录 %2 之外文件的链接（%3）</translation>
    </message>
    <message>
        <source>embedded image: %1 bytes, above the limit of %2</source>
        <translation>内嵌图像：%1 字节，超过了 %2 的上限</translation>
    </message>
    <message>
        <source>expected an image, found none</source>
        <translation>应有图像，实际没有</translation>
    </message>
    <message>
        <source>%1: corrupt or truncated %2 (%3)</source>
        <translation>%1：%2 已损坏或不完整（%3）</translation>
    </message>
    <message>
        <source>%1: empty (0 bytes), expected an image</source>
        <translation>%1：为空（0 字节），应为图像</translation>
    </message>
    <message>
        <source>%1: unknown image format: expected PNG, JPEG, BMP, GIF or WebP, found bytes %2</source>
        <translation>%1：未知的图像格式：应为 PNG、JPEG、BMP、GIF 或 WebP，实际开头字节为 %2</translation>
    </message>
    <message>
        <source>%1: cannot read the model file</source>
        <translation>%1：无法读取模型文件</translation>
    </message>
    <message>
        <source>unknown device &quot;%1&quot; (expected cpu, cuda or auto)</source>
        <translation>未知的设备“%1”（应为 cpu、cuda 或 auto）</translation>
    </message>
    <message>
        <source>device cuda was asked for, but this libtorch has no CUDA or no GPU is present</source>
        <translation>要求使用 cuda 设备，但此 libtorch 不支持 CUDA 或没有 GPU</translation>
    </message>
    <message>
        <source>%1: not a loadable TorchScript model (damaged, truncated, or another format): %2</source>
        <translation>%1：不是可加载的 TorchScript 模型（已损坏、不完整或是其他格式）：%2</translation>
    </message>
    <message>
        <source>%1: the card gives option %2 the token id %3, beyond the vocabulary of %4</source>
        <translation>%1：模型卡给选项 %2 的词元编号为 %3，超出了大小为 %4 的词表</translation>
    </message>
    <message>
        <source>%1: forward(pixel_values, input_ids) must return a Tensor[B, V] of next-token logits; it returned %2</source>
        <translation>%1：forward(pixel_values, input_ids) 必须返回下一个词元 logits 的 Tensor[B, V]；实际返回 %2</translation>
    </message>
    <message>
        <source>%1: forward must return float logits of shape [1, %2] for one item (the vocabulary&apos;s size); it returned %3</source>
        <translation>%1：对一个条目，forward 必须返回形状为 [1, %2]（词表大小）的浮点 logits；实际返回 %3</translation>
    </message>
    <message>
        <source>%1: forward(pixel_values: Tensor[B,3,H,W] float32, input_ids: Tensor[B,T] int64) failed on a dry run: %2</source>
        <translation>%1：forward(pixel_values: Tensor[B,3,H,W] float32, input_ids: Tensor[B,T] int64) 在试运行中失败：%2</translation>
    </message>
    <message>
        <source>%1: inference failed: %2</source>
        <translation>%1：推理失败：%2</translation>
    </message>
    <message>
        <source>%1: the model %2 has no token for option %3</source>
        <translation>%1：模型 %2 没有选项 %3 的词元</translation>
    </message>
    <message>
        <source>%1: not an endpoint card</source>
        <translation>%1：不是服务器模型卡</translation>
    </message>
    <message>
        <source>%1: the environment variable %2 named in &quot;api_key_env&quot; is not set (export %2=&lt;your key&gt; before starting Unveil)</source>
        <translation>%1：&quot;api_key_env&quot; 中指定的环境变量 %2 未设置（请在启动 Unveil 之前执行 export %2=&lt;你的密钥&gt;）</translation>
    </message>
    <message>
        <source>could not start an HTTP client (libcurl)</source>
        <translation>无法启动 HTTP 客户端（libcurl）</translation>
    </message>
    <message>
        <source>the server at %1 cannot be reached (%2)</source>
        <translation>无法连接到位于 %1 的服务器（%2）</translation>
    </message>
    <message>
        <source>the server at %1 did not answer (%2)</source>
        <translation>位于 %1 的服务器没有应答（%2）</translation>
    </message>
    <message>
        <source>the server answered HTTP %1</source>
        <translation>服务器回复 HTTP %1</translation>
    </message>
    <message>
        <source>%1 refused the request (HTTP %2); the card names no key: add &quot;api_key_env&quot;</source>
        <translation>%1 拒绝了请求（HTTP %2）；模型卡没有指定密钥：请添加 &quot;api_key_env&quot;</translation>
    </message>
    <message>
        <source>%1 refused the request (HTTP %2); check the key in %3</source>
        <translation>%1 拒绝了请求（HTTP %2）；请检查 %3 中的密钥</translation>
    </message>
    <message>
        <source>%1/chat/completions: HTTP %2; check &quot;base_url&quot; (it ends at the API root, e.g. /v1) and that the server serves the model &quot;%3&quot;</source>
        <translation>%1/chat/completions：HTTP %2；请检查 &quot;base_url&quot;（应以 API 根路径结尾，例如 /v1），以及服务器是否提供模型“%3”</translation>
    </message>
    <message>
        <source>%1/models: HTTP %2</source>
        <translation>%1/models：HTTP %2</translation>
    </message>
    <message>
        <source>no dataset named &quot;%1&quot; in %2</source>
        <translation>%2 中没有名为“%1”的数据集</translation>
    </message>
    <message>
        <source>dataset &quot;%1&quot; has no items</source>
        <translation>数据集“%1”没有条目</translation>
    </message>
    <message>
        <source>dataset &quot;%1&quot; has no items in split &quot;%2&quot;</source>
        <translation>数据集“%1”的划分“%2”中没有条目</translation>
    </message>
    <message>
        <source>the prompt template: %1</source>
        <translation>提示模板：%1</translation>
    </message>
    <message>
        <source>run %1 cannot be resumed with these settings: its %2 differs (resuming would mix two models&apos; or settings&apos; answers in one run; start a new run instead)</source>
        <translation>无法以这些设置继续运行 %1：它的 %2 不同（继续会把两个模型或两套设置的回答混在同一次运行中；请改为开始新的运行）</translation>
    </message>
    <message>
        <source>run %1 cannot be resumed with these settings: its %2 differ (resuming would mix two models&apos; or settings&apos; answers in one run; start a new run instead)</source>
        <translation>无法以这些设置继续运行 %1：它的 %2 不同（继续会把两个模型或两套设置的回答混在同一次运行中；请改为开始新的运行）</translation>
    </message>
    <message>
        <source>%1 (run %2 keeps its %3 stored predictions and can be resumed)</source>
        <translation>%1（运行 %2 保留已存储的 %3 条预测，可以继续）</translation>
    </message>
    <message>
        <source>run %1 has no predictions</source>
        <translation>运行 %1 没有预测</translation>
    </message>
    <message>
        <source>the runs share %1 item(s); a comparison needs at least %2</source>
        <translation>这些运行共有 %1 个条目；比较至少需要 %2 个</translation>
    </message>
    <message>
        <source>dataset &quot;%1&quot; has no split &quot;%2&quot; (its splits: %3)</source>
        <translation>数据集“%1”没有划分“%2”（它的划分：%3）</translation>
    </message>
    <message>
        <source>%1 has no &quot;I don&apos;t know&quot; items: none of its %2 items has its &quot;I don&apos;t know&quot; option as the right answer</source>
        <translation>%1 没有“我不知道”条目：它的 %2 个条目中，没有一个以“我不知道”选项为正确答案</translation>
    </message>
    <message>
        <source>dataset &quot;%1&quot;</source>
        <translation>数据集“%1”</translation>
    </message>
    <message>
        <source>split &quot;%1&quot; of dataset &quot;%2&quot;</source>
        <translation>数据集“%2”的划分“%1”</translation>
    </message>
</context>
<context>
    <name>DatasetLoading</name>
    <message>
        <source>%1: no such file</source>
        <translation>%1：文件不存在</translation>
    </message>
    <message>
        <source>%1: holds no items</source>
        <translation>%1：不包含任何条目</translation>
    </message>
    <message>
        <source>%1: could not be read (%2)</source>
        <translation>%1：无法读取（%2）</translation>
    </message>
</context>
<context>
    <name>ItemImage</name>
    <message>
        <source>No image: the model is given the text alone</source>
        <translation>无图像：模型只得到文本</translation>
    </message>
    <message>
        <source>This item has no image</source>
        <translation>此条目没有图像</translation>
    </message>
    <message>
        <source>The image could not be shown: %1</source>
        <translation>无法显示图像：%1</translation>
    </message>
</context>
<context>
    <name>PlotExport</name>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>PredictionLoading</name>
    <message>
        <source>%1: cannot be opened (%2)</source>
        <translation>%1：无法打开（%2）</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1：文件不存在</translation>
    </message>
    <message>
        <source>%1: holds no predictions (expected one JSON object per line)</source>
        <translation>%1：不含任何预测（应为每行一个 JSON 对象）</translation>
    </message>
    <message>
        <source>%1: could not be read (%2)</source>
        <translation>%1：无法读取（%2）</translation>
    </message>
</context>
<context>
    <name>ProjectJobs</name>
    <message numerus="yes">
        <source>%1: %n run(s)</source>
        <translation>
            <numerusform>%1：%n 个运行</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: cannot replace the existing file</source>
        <translation>%1：无法替换已有文件</translation>
    </message>
    <message>
        <source>Saved a copy as %1</source>
        <translation>已另存副本为 %1</translation>
    </message>
    <message>
        <source>Saved %1 to %2</source>
        <translation>已将 %1 保存到 %2</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n item(s) of %1 into the project</source>
        <translation>
            <numerusform>已将 %1 的 %n 个条目导入项目</numerusform>
        </translation>
    </message>
    <message>
        <source>Run %1 (%2) has no predictions yet</source>
        <translation>运行 %1（%2）尚无预测</translation>
    </message>
    <message>
        <source>%1 has no dataset named “%2”</source>
        <translation>%1 中没有名为“%2”的数据集</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The model gave %1 outputs for one item</source>
        <translation>模型对一个条目给出了 %1 个输出</translation>
    </message>
    <message>
        <source>The model failed on item %1: %2</source>
        <translation>模型在条目 %1 上失败：%2</translation>
    </message>
    <message>
        <source>Could not load the model %1: %2</source>
        <translation>无法加载模型 %1：%2</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Could not make a temporary folder for the test card</source>
        <translation>无法为测试模型卡创建临时文件夹</translation>
    </message>
    <message>
        <source>Could not write the test card</source>
        <translation>无法写入测试模型卡</translation>
    </message>
    <message>
        <source>no option letter</source>
        <translation>没有选项字母</translation>
    </message>
    <message>
        <source>The server answered %1 in %2 ms (A %3 %, B %4 %)</source>
        <translation>服务器在 %2 毫秒内回答了 %1（A %3 %，B %4 %）</translation>
    </message>
    <message>
        <source>letters %1 were not among the top log-probabilities (bounds)</source>
        <translation>字母 %1 不在最高的对数概率之中（为上界）</translation>
    </message>
</context>
<context>
    <name>ReadingGuide</name>
    <message>
        <source>Reading the diagrams</source>
        <translation>读懂这些图</translation>
    </message>
    <message>
        <source>The sentence above the diagram</source>
        <translation>图上方的那句话</translation>
    </message>
    <message>
        <source>It says the two numbers that matter most: how sure the model says it is, on average, and how often it is right. &lt;i&gt;“On average it is 95.8 % sure and right 85.7 % of the time: over-confident by 10.1 points”&lt;/i&gt; means that its answers sound more certain than they are. A model you can trust says 85 % when it is right 85 % of the time.</source>
        <translation>它给出最重要的两个数字：模型平均声称自己有多大把握，以及它实际答对的频率。&lt;i&gt;“平均而言，它有 95.8 % 的把握，实际正确率为 85.7 %：过度自信 10.1 个百分点”&lt;/i&gt;表示它的回答听起来比实际更确定。一个值得信赖的模型，在 85 % 的情况下答对时，就会说 85 %。</translation>
    </message>
    <message>
        <source>The reliability diagram</source>
        <translation>可靠性图</translation>
    </message>
    <message>
        <source>The answers are grouped by how sure the model was (the bottom axis: 0.6 means 60 % sure). Each &lt;b&gt;blue bar&lt;/b&gt; is how often the answers in its group were right. If the model&apos;s confidence could be taken at its word, every bar would reach the &lt;b&gt;dashed diagonal&lt;/b&gt;. An &lt;b&gt;orange box&lt;/b&gt; on top of a bar is confidence the model claimed but did not deliver (over-confidence); a &lt;b&gt;pink box&lt;/b&gt; is the opposite (it was right more often than it said). The &lt;b&gt;whiskers&lt;/b&gt; show the range the bar could take on another sample of questions like these: a group with few answers has long whiskers, and its bar says little. The &lt;b&gt;strip below&lt;/b&gt; counts the answers in each group.</source>
        <translation>回答按模型的把握程度分组（横轴：0.6 表示 60 % 的把握）。每根&lt;b&gt;蓝色柱&lt;/b&gt;表示该组回答的正确频率。如果模型的置信度完全可信，每根柱都会恰好到达&lt;b&gt;虚线对角线&lt;/b&gt;。柱顶的&lt;b&gt;橙色框&lt;/b&gt;是模型声称却未兑现的置信度（过度自信）；&lt;b&gt;粉色框&lt;/b&gt;则相反（它答对的频率高于它所说的）。&lt;b&gt;误差线&lt;/b&gt;表示在另一批类似问题上该柱可能的取值范围：回答很少的组误差线很长，其柱子说明不了多少问题。&lt;b&gt;下方的条带&lt;/b&gt;是每组的回答数量。</translation>
    </message>
    <message>
        <source>An over-confident model</source>
        <translation>一个过度自信的模型</translation>
    </message>
    <message>
        <source>Made-up answers: the bars fall short of the diagonal</source>
        <translation>虚构的回答：柱子低于对角线</translation>
    </message>
    <message>
        <source>A model whose confidence can be trusted</source>
        <translation>一个置信度值得信赖的模型</translation>
    </message>
    <message>
        <source>Made-up answers: the bars follow the diagonal</source>
        <translation>虚构的回答：柱子贴合对角线</translation>
    </message>
    <message>
        <source>Temperature scaling: before and after</source>
        <translation>温度缩放：缩放前后</translation>
    </message>
    <message>
        <source>Temperature scaling divides the model&apos;s scores by one number, T, fitted on separate calibration questions. T above 1 makes an over-confident model less sure of itself; it never changes which answer the model gives, so the accuracy stays the same. The &lt;b&gt;green curve&lt;/b&gt; is the accuracy of each group after scaling, at the new confidence: the closer it follows the diagonal, the more the scaled confidence can be trusted. Scaling fitted on one kind of question may not hold on another: the window says which questions a temperature was fitted on.</source>
        <translation>温度缩放把模型的分数除以一个数 T，T 在另一组校准问题上拟合得到。T 大于 1 会让过度自信的模型不那么肯定；它从不改变模型给出的答案，因此准确率保持不变。&lt;b&gt;绿色曲线&lt;/b&gt;是缩放后各组在新置信度下的准确率：它越贴近对角线，缩放后的置信度就越可信。在一类问题上拟合的缩放未必适用于另一类：窗口会注明温度是在哪些问题上拟合的。</translation>
    </message>
    <message>
        <source>The over-confident model, scaled</source>
        <translation>缩放后的过度自信模型</translation>
    </message>
    <message>
        <source>Made-up answers: the green curve is after scaling</source>
        <translation>虚构的回答：绿色曲线为缩放后</translation>
    </message>
    <message>
        <source>Before scaling</source>
        <translation>缩放前</translation>
    </message>
    <message>
        <source>After scaling</source>
        <translation>缩放后</translation>
    </message>
    <message>
        <source>The confidence histogram</source>
        <translation>置信度直方图</translation>
    </message>
    <message>
        <source>How many answers were given at each confidence. The &lt;b&gt;dashed line&lt;/b&gt; is how often the model was right overall, the &lt;b&gt;solid line&lt;/b&gt; how sure it was on average: when the solid line stands to the right of the dashed one, the model is over-confident. A pile of answers at the far right means the model almost always says it is certain.</source>
        <translation>每个置信度上给出了多少回答。&lt;b&gt;虚线&lt;/b&gt;是模型总体的正确频率，&lt;b&gt;实线&lt;/b&gt;是它平均的把握：实线位于虚线右侧时，模型过度自信。回答堆积在最右端，说明模型几乎总是声称自己很确定。</translation>
    </message>
    <message>
        <source>The over-confident model&apos;s answers</source>
        <translation>过度自信模型的回答</translation>
    </message>
    <message>
        <source>Made-up answers</source>
        <translation>虚构的回答</translation>
    </message>
    <message>
        <source>Risk and coverage</source>
        <translation>风险与覆盖率</translation>
    </message>
    <message>
        <source>If you let the model answer only when it is sure enough and pass the rest to a person, how many of its answers would be wrong? The curve answers that for every threshold: &lt;b&gt;coverage&lt;/b&gt; is the share of questions the model keeps, &lt;b&gt;risk&lt;/b&gt; the share of those it gets wrong. A useful confidence makes the curve fall towards the left; a flat curve means that its confidence does not tell right answers from wrong ones. The dashed line is the error rate when it answers everything.</source>
        <translation>如果只在模型足够有把握时让它回答，其余交给人来处理，它的回答中会有多少是错的？曲线对每个阈值给出答案：&lt;b&gt;覆盖率&lt;/b&gt;是模型保留的问题比例，&lt;b&gt;风险&lt;/b&gt;是其中答错的比例。有用的置信度会让曲线向左下降；平坦的曲线说明它的置信度分不清对错。虚线是回答全部问题时的错误率。</translation>
    </message>
    <message>
        <source>The numbers</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>&lt;b&gt;Accuracy&lt;/b&gt; and &lt;b&gt;mean confidence&lt;/b&gt; are in percent. The &lt;b&gt;calibration errors&lt;/b&gt; (ECE and its relatives) are in percentage points: ECE 10.5 pts means that, weighing each group by its size, confidence and accuracy are 10.5 points apart on average; 0 is perfect. The numbers in brackets are 95 % intervals: another sample of questions like these would likely give a value in that range. Two models whose intervals overlap widely may not really differ. Hover over any number for what it means.</source>
        <translation>&lt;b&gt;准确率&lt;/b&gt;和&lt;b&gt;平均置信度&lt;/b&gt;以百分比表示。&lt;b&gt;校准误差&lt;/b&gt;（ECE 及相关指标）以百分点表示：ECE 10.5 个百分点表示按各组大小加权后，置信度与准确率平均相差 10.5 个百分点；0 为完美。括号中的数字是 95 % 区间：在另一批类似问题上，数值很可能落在此范围内。区间大幅重叠的两个模型未必真有差别。将鼠标悬停在任一数字上可查看其含义。</translation>
    </message>
</context>
<context>
    <name>RunNames</name>
    <message>
        <source>with the image</source>
        <translation>有图像</translation>
    </message>
    <message>
        <source>text only</source>
        <translation>仅文本</translation>
    </message>
    <message>
        <source>blank image</source>
        <translation>空白图像</translation>
    </message>
    <message>
        <source>noise σ %1</source>
        <translation>噪声 σ %1</translation>
    </message>
    <message>
        <source>blur %1 px</source>
        <translation>模糊 %1 像素</translation>
    </message>
    <message>
        <source>%1 % covered</source>
        <translation>遮挡 %1 %</translation>
    </message>
    <message>
        <source>greyscale</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>JPEG quality %1</source>
        <translation>JPEG 质量 %1</translation>
    </message>
    <message>
        <source>all items</source>
        <translation>全部条目</translation>
    </message>
    <message>
        <source>calibration</source>
        <translation>校准</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>unanswerable (IDK)</source>
        <translation>无法回答（IDK）</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>reused</source>
        <translation>复用</translation>
    </message>
    <message>
        <source>resumed</source>
        <translation>续跑</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新建</translation>
    </message>
</context>
<context>
    <name>RunsAnalysis</name>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Could not run the analysis: %1</source>
        <translation>无法运行分析：%1</translation>
    </message>
    <message>
        <source>Cancelled. The runs made so far are kept; the next run resumes.</source>
        <translation>已取消。已完成的运行会保留；下次运行时将接着进行。</translation>
    </message>
</context>
<context>
    <name>ShownNumbers</name>
    <message>
        <source>%1 pts</source>
        <extracomment>A calibration error in percentage points, e.g. &quot;10.5 pts&quot;</extracomment>
        <translation>%1 个百分点</translation>
    </message>
    <message>
        <source>&gt; %1 %</source>
        <extracomment>A confidence just below certainty, e.g. &quot;&gt; 99.9 %&quot;</extracomment>
        <translation>&gt; %1 %</translation>
    </message>
    <message>
        <source>&lt; %1 %</source>
        <extracomment>A confidence just above zero, e.g. &quot;&lt; 0.1 %&quot;</extracomment>
        <translation>&lt; %1 %</translation>
    </message>
    <message>
        <source>(%1 to %2)</source>
        <extracomment>An interval whose ends may be negative, e.g. &quot;(-6.3 to -2.1)&quot;</extracomment>
        <translation>(%1 至 %2)</translation>
    </message>
</context>
<context>
    <name>unveil::ui</name>
    <message>
        <source>The presentation tells the demo project&apos;s story: open the demo project (File ▸ Open demo project) to present it.</source>
        <translation>演示讲述的是演示项目的故事：请先打开演示项目（文件 ▸ 打开演示项目）再开始演示。</translation>
    </message>
    <message>
        <source>Can we trust what a model says about itself?</source>
        <translation>模型对自己的判断可信吗？</translation>
    </message>
    <message>
        <source>A model that answers “90 % sure” should be right 9 times out of 10. The reliability diagram checks this: the answers are grouped by the confidence the model gave, and each bar shows how often those answers were right. On the dashed diagonal, confidence and accuracy agree.</source>
        <translation>一个回答“90 % 确定”的模型，应当十次中答对九次。可靠性图正是检验这一点：按模型给出的置信度将回答分组，每根柱子表示这些回答答对的比例。落在虚线对角线上时，置信度与准确率一致。</translation>
    </message>
    <message>
        <source>A text-only model: modest, and honest about it</source>
        <translation>纯文本模型：能力有限，但对此很诚实</translation>
    </message>
    <message>
        <source>The base model is right %1 of the time and says it is %2 sure on average: its bars sit close to the diagonal (calibration error %3).</source>
        <translation>基础模型的正确率为 %1，平均自称 %2 确定：它的柱子贴近对角线（校准误差 %3）。</translation>
    </message>
    <message>
        <source>shapes-base</source>
        <translation>shapes-base</translation>
    </message>
    <message>
        <source>Fine-tuned on images: more accurate, and over-confident</source>
        <translation>经图像微调：更准确，但过度自信</translation>
    </message>
    <message>
        <source>After visual fine-tuning the model is right %1 of the time — but it claims %2. The orange gaps are the confidence it claims beyond what it delivers (calibration error %3). A confident answer is no longer a reliable one.</source>
        <translation>视觉微调后，模型的正确率为 %1——但它自称 %2。橙色差距是它声称的置信度超出实际表现的部分（校准误差 %3）。自信的回答不再等于可靠的回答。</translation>
    </message>
    <message>
        <source>shapes-mm-ft</source>
        <translation>shapes-mm-ft</translation>
    </message>
    <message>
        <source>Questions it cannot know</source>
        <translation>它无法知道答案的问题</translation>
    </message>
    <message>
        <source>Temperature scaling brings its confidence back to earth</source>
        <translation>温度缩放让它的置信度回归现实</translation>
    </message>
    <message>
        <source>Before scaling</source>
        <translation>缩放前</translation>
    </message>
    <message>
        <source>After scaling (T = %1)</source>
        <translation>缩放后（T = %1）</translation>
    </message>
    <message>
        <source>What to take away</source>
        <translation>要点</translation>
    </message>
    <message>
        <source>Accuracy alone does not say when to trust a model. Check its calibration on your own questions, include questions it cannot know, and calibrate before its confidence is used to decide anything. Unveil does each step on any model of its contract.</source>
        <translation>仅凭准确率无法判断何时可以信任模型。请在你自己的问题上检查它的校准，纳入它无法知道答案的问题，并在用它的置信度做任何决定之前先进行校准。Unveil 可以对任何符合其模型约定的模型完成每一步。</translation>
    </message>
    <message>
        <source>Asked %1 questions that no one could answer from the picture, the model says “I don&apos;t know” to %2 of them. It answers the other %3 anyway, %4 sure on average. The histogram shows how sure it was on each of those %3 answers.</source>
        <translation>面对 %1 个谁也无法从图片中回答的问题，模型对其中 %2 回答“我不知道”。其余 %3 个它仍然作答，平均 %4 确定。直方图显示了它对这 %3 个回答各自的确定程度。</translation>
    </message>
    <message>
        <source>answered anyway</source>
        <translation>仍然作答的</translation>
    </message>
    <message>
        <source>the green curve follows the diagonal.</source>
        <translation>绿色曲线贴合对角线。</translation>
    </message>
    <message>
        <source>the green curve now runs above the diagonal: scaled, the model is a little under-confident (by %1).</source>
        <translation>绿色曲线如今位于对角线上方：缩放后，模型略显信心不足（%1）。</translation>
    </message>
    <message>
        <source>the green curve comes closer to the diagonal but stays below it: scaled, the model is still over-confident (by %1).</source>
        <translation>绿色曲线更接近对角线，但仍在其下方：缩放后，模型仍然过度自信（%1）。</translation>
    </message>
    <message>
        <source>One number, fitted on separate calibration questions (T = %1), softens every confidence without changing a single answer. The calibration error drops from %2 to %3; %4</source>
        <translation>在另一组校准问题上拟合出的一个数（T = %1），使每个置信度变得温和，而不改变任何一个回答。校准误差从 %2 降到 %3；%4</translation>
    </message>
    <message>
        <source>One number, fitted on separate calibration questions (T = %1), changes every confidence without changing a single answer. The calibration error goes from %2 to %3; %4</source>
        <translation>在另一组校准问题上拟合出的一个数（T = %1），改变了每个置信度，而不改变任何一个回答。校准误差从 %2 变为 %3；%4</translation>
    </message>
</context>
<context>
    <name>unveil::ui::AnalysesPage</name>
    <message>
        <source>Compare runs</source>
        <translation>比较运行</translation>
    </message>
    <message>
        <source>Two to four runs on the same items: diagrams side by side, metrics with intervals and whether each difference is significant</source>
        <translation>基于相同条目的二到四个运行：并排显示图表，给出带区间的指标，并判断每项差异是否显著</translation>
    </message>
    <message>
        <source>Text vs image</source>
        <translation>文本与图像</translation>
    </message>
    <message>
        <source>One model on the same items with the image, without it and with a perturbed image: how accuracy, confidence and entropy move</source>
        <translation>同一模型在相同条目上分别使用原图、不用图像和使用扰动图像：准确率、置信度和熵如何变化</translation>
    </message>
    <message>
        <source>I don&apos;t know</source>
        <translation>“我不知道”</translation>
    </message>
    <message>
        <source>On questions the model cannot know: how often it admits it, and how the prompt&apos;s wording changes that</source>
        <translation>针对模型无从知道答案的问题：它承认不知道的频率，以及提示词的措辞如何改变这一点</translation>
    </message>
    <message>
        <source>Prompt search</source>
        <translation>提示词搜索</translation>
    </message>
    <message>
        <source>The study&apos;s iterative prompt optimisation: prompt wordings scored by accuracy, then ECE</source>
        <translation>论文中的迭代式提示词优化：先按准确率、再按 ECE 为提示词措辞评分</translation>
    </message>
</context>
<context>
    <name>unveil::ui::App</name>
    <message>
        <source>A workbench for the calibration of multimodal language models.</source>
        <translation>多模态语言模型校准工作台。</translation>
    </message>
    <message>
        <source>Predictions JSONL to open (default: the synthetic example).</source>
        <translation>要打开的预测 JSONL 文件（默认：合成示例）。</translation>
    </message>
    <message>
        <source>Calibration split to fit a temperature on (fitted at once).</source>
        <translation>用于拟合温度的校准集（立即拟合）。</translation>
    </message>
    <message>
        <source>Render the window offscreen once everything is computed, save it as FILE (PNG) and exit.</source>
        <translation>全部计算完成后在屏幕外渲染窗口，保存为 FILE（PNG）并退出。</translation>
    </message>
    <message>
        <source>Window size for --screenshot (default 1400x900).</source>
        <translation>--screenshot 的窗口尺寸（默认 1400x900）。</translation>
    </message>
    <message>
        <source>Number of bins (2–50).</source>
        <translation>分箱数（2–50）。</translation>
    </message>
    <message>
        <source>Binning: width or mass.</source>
        <translation>分箱方式：width（等宽）或 mass（等量）。</translation>
    </message>
    <message>
        <source>User interface language, e.g. zh_CN or en (default: the system&apos;s).</source>
        <translation>界面语言，例如 zh_CN 或 en（默认：跟随系统）。</translation>
    </message>
    <message>
        <source>Project to open (its newest run is shown unless predictions are given).</source>
        <translation>要打开的项目（未给出预测文件时显示其最新的运行）。</translation>
    </message>
    <message>
        <source>Dataset to browse: LLaVA JSON, LLaVA questions JSONL or MMBench TSV.</source>
        <translation>要浏览的数据集：LLaVA JSON、LLaVA 问题 JSONL 或 MMBench TSV。</translation>
    </message>
    <message>
        <source>Model card (JSON) to run items with; with --view item the screenshot shows its answer to the chosen item.</source>
        <translation>用于运行条目的模型卡（JSON）；与 --view item 一起使用时，截图显示它对所选条目的回答。</translation>
    </message>
    <message>
        <source>Open the demo project, building it first when it is not there (what the first launch does).</source>
        <translation>打开演示项目；若尚不存在则先构建它（首次启动时的做法）。</translation>
    </message>
    <message>
        <source>Folder of the demo project (default: in the application data).</source>
        <translation>演示项目所在的文件夹（默认：应用程序数据目录）。</translation>
    </message>
    <message>
        <source>Training items of the demo&apos;s shapes world (default 6000).</source>
        <translation>演示形状世界的训练条目数（默认 6000）。</translation>
    </message>
    <message>
        <source>Epochs of every demo training stage.</source>
        <translation>每个演示训练阶段的轮数。</translation>
    </message>
    <message>
        <source>Look: system, light or dark (default: as set in Preferences; light for --screenshot).</source>
        <translation>外观：system（跟随系统）、light（浅色）或 dark（深色）（默认：按首选项中的设置；--screenshot 时为浅色）。</translation>
    </message>
    <message>
        <source>View for --screenshot: calibration (default), browser, item, runs, problems or compare (the project&apos;s test runs compared).</source>
        <translation>--screenshot 的视图：calibration（校准，默认）、browser（浏览器）、item（条目）、runs（运行）、problems（问题）或 compare（比较项目中测试集上的运行）。</translation>
    </message>
    <message>
        <source>Milliseconds --screenshot waits with nothing moving before it gives up.</source>
        <translation>--screenshot 在没有任何进展时等待多少毫秒后放弃。</translation>
    </message>
</context>
<context>
    <name>unveil::ui::BatchRun</name>
    <message>
        <source>Run %1 is complete: there is nothing to resume</source>
        <translation>运行 %1 已完成：没有可继续的部分</translation>
    </message>
    <message>
        <source>Run %1 was imported: there is nothing to resume</source>
        <translation>运行 %1 是导入的：没有可继续的部分</translation>
    </message>
    <message>
        <source>Run %1 names no model: it cannot be resumed</source>
        <translation>运行 %1 没有指定模型：无法继续</translation>
    </message>
    <message>
        <source>The model of run %1 is no longer in the project</source>
        <translation>运行 %1 的模型已不在项目中</translation>
    </message>
</context>
<context>
    <name>unveil::ui::BatchRunPanel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>The model to run (Models ▸ Open model… adds a model card)</source>
        <translation>要运行的模型（模型 ▸ 打开模型… 可添加模型卡）</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Add a model card (JSON) to the list</source>
        <translation>将模型卡（JSON）添加到列表</translation>
    </message>
    <message>
        <source>A dataset of the open project (File ▸ Open dataset… adds one)</source>
        <translation>当前项目中的数据集（文件 ▸ 打开数据集… 可添加）</translation>
    </message>
    <message>
        <source>The items the run predicts: one split, or all items</source>
        <translation>本次运行要预测的条目：某一划分，或全部条目</translation>
    </message>
    <message>
        <source>What the model sees of each image: the original, none (text only), a blank one, or a perturbation (seeded per item, so a rerun sees the same)</source>
        <translation>模型看到的图像：原图、无图像（仅文本）、空白图，或扰动后的图像（按条目设定随机种子，重新运行时看到的相同）</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>Automatic takes the GPU when this build of libtorch has CUDA and a GPU is present</source>
        <translation>当此 libtorch 构建支持 CUDA 且存在 GPU 时，“自动”会使用 GPU</translation>
    </message>
    <message>
        <source>Items sent through the model at once</source>
        <translation>一次送入模型的条目数</translation>
    </message>
    <message>
        <source>Start run</source>
        <translation>开始运行</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop after the batch in hand; what is stored stays, and Resume continues it</source>
        <translation>处理完当前批次后停止；已保存的结果会保留，“继续”可接着运行</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>Items:</source>
        <translation>条目：</translation>
    </message>
    <message>
        <source>Condition:</source>
        <translation>条件：</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>批大小：</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation>提示词：</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>All items (%1)</source>
        <translation>全部条目（%1）</translation>
    </message>
    <message>
        <source>Continue run %1 (“%2”) where it stopped</source>
        <translation>从中断处继续运行 %1（“%2”）</translation>
    </message>
    <message>
        <source>Choose a cancelled or interrupted run in the runs panel to continue it where it stopped</source>
        <translation>在运行面板中选择一个已取消或中断的运行，即可从中断处继续</translation>
    </message>
    <message>
        <source>Open or create a project to run a model over a dataset</source>
        <translation>打开或新建一个项目，才能在数据集上运行模型</translation>
    </message>
    <message>
        <source>This project is read-only: runs cannot be stored in it</source>
        <translation>此项目为只读：无法在其中保存运行</translation>
    </message>
    <message>
        <source>Add a dataset to the project first (File ▸ Open dataset…)</source>
        <translation>请先向项目添加数据集（文件 ▸ 打开数据集…）</translation>
    </message>
    <message>
        <source>Open a model card first (Models ▸ Open model…)</source>
        <translation>请先打开模型卡（模型 ▸ 打开模型…）</translation>
    </message>
    <message>
        <source>Open a project that can be written to first</source>
        <translation>请先打开一个可写入的项目</translation>
    </message>
    <message>
        <source>Choose a model and a dataset first</source>
        <translation>请先选择模型和数据集</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <source>Resuming run %1…</source>
        <translation>正在继续运行 %1…</translation>
    </message>
    <message>
        <source>Cancelling after the batch in hand…</source>
        <translation>将在当前批次完成后取消…</translation>
    </message>
    <message>
        <source>%1 of %2 items</source>
        <translation>%1 / %2 个条目</translation>
    </message>
    <message>
        <source>%1 items/s</source>
        <translation>每秒 %1 个条目</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>约剩 %1</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>正在运行 %1…</translation>
    </message>
    <message>
        <source>The run could not go on: %1</source>
        <translation>运行无法继续：%1</translation>
    </message>
    <message>
        <source>Run %1 cancelled after %2 new predictions; Resume continues it</source>
        <translation>运行 %1 在新增 %2 条预测后已取消；“继续”可接着运行</translation>
    </message>
    <message>
        <source>Run %1 finished: %2 predictions in %3 on %4</source>
        <translation>运行 %1 已完成：%2 条预测，用时 %3，设备 %4</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) skipped</source>
        <translation>
            <numerusform>已跳过 %n 个条目</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in flight</source>
        <translation>进行中的请求 %1 个</translation>
    </message>
    <message numerus="yes">
        <source>%n retries</source>
        <translation>
            <numerusform>重试 %n 次</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n errors</source>
        <translation>
            <numerusform>错误 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Run the model over the chosen items into the project</source>
        <translation>在所选条目上运行模型，结果存入项目</translation>
    </message>
</context>
<context>
    <name>unveil::ui::BinningControls</name>
    <message>
        <source>How many confidence bins the reliability diagram and ECE use (the study uses 10). More bins show more detail but hold fewer predictions each.</source>
        <translation>可靠性图和 ECE 使用的置信度分箱数（论文使用 10）。分箱越多细节越多，但每个分箱中的预测越少。</translation>
    </message>
    <message>
        <source>&amp;Bins:</source>
        <translation>分箱数(&amp;B)：</translation>
    </message>
    <message>
        <source>Equal width</source>
        <translation>等宽</translation>
    </message>
    <message>
        <source>Equal mass</source>
        <translation>等量</translation>
    </message>
    <message>
        <source>Bins of equal confidence range (0–0.1, 0.1–0.2, …)</source>
        <translation>每个分箱覆盖相同的置信度区间（0–0.1、0.1–0.2、…）</translation>
    </message>
    <message>
        <source>Bins holding equal numbers of predictions</source>
        <translation>每个分箱包含相同数量的预测</translation>
    </message>
    <message>
        <source>Equal width: every bin covers the same confidence range. Equal mass: every bin holds the same number of predictions, so no bin is nearly empty.</source>
        <translation>等宽：每个分箱覆盖相同的置信度区间。等量：每个分箱包含相同数量的预测，因此不会出现几乎为空的分箱。</translation>
    </message>
    <message>
        <source>Bi&amp;nning:</source>
        <translation>分箱方式(&amp;N)：</translation>
    </message>
    <message>
        <source>Among the options</source>
        <translation>在选项之中</translation>
    </message>
    <message>
        <source>Over the vocabulary</source>
        <translation>在整个词表上</translation>
    </message>
    <message>
        <source>The answer&apos;s probability among the option letters only (Unveil&apos;s default)</source>
        <translation>答案在各选项字母之间的概率（Unveil 的默认）</translation>
    </message>
    <message>
        <source>The answer letter&apos;s probability over everything the model could have written, as the study measures it; the temperature is then fitted as the study does</source>
        <translation>答案字母在模型可能写出的所有内容上的概率，与研究的度量方式相同；温度随之按研究的方法拟合</translation>
    </message>
    <message>
        <source>Which probability counts as the model&apos;s confidence. Among the options: the answer&apos;s share of the probability given to the option letters. Over the vocabulary: the answer&apos;s probability over every word the model could have written next, which is lower when the model also considered writing something else. Predictions files that hold only option scores support the first.</source>
        <translation>哪一个概率算作模型的置信度。在选项之中：答案在分给各选项字母的概率中所占的份额。在整个词表上：答案在模型下一步可能写出的每个词上的概率；当模型也考虑过写别的内容时，它会更低。只含选项分数的预测文件只支持前者。</translation>
    </message>
    <message>
        <source>C&amp;onfidence:</source>
        <translation>置信度(&amp;O)：</translation>
    </message>
    <message>
        <source>Bins, binning and confidence as chosen; items without an option letter counted wrong; the temperature fitted exactly</source>
        <translation>分箱数、分箱方式和置信度按所选；没有选项字母的条目计为错误；温度精确拟合</translation>
    </message>
    <message>
        <source>As the study&apos;s released code computes it: 10 equal-width bins, the confidence over the vocabulary, items without an option letter left out (and counted), the temperature from its grid 0.01–9.99</source>
        <translation>与论文发布的代码计算方式一致：10 个等宽分箱，词表上的置信度，没有选项字母的条目不计入（但会统计数量），温度取自其网格 0.01–9.99</translation>
    </message>
    <message>
        <source>Every choice that turns predictions into numbers. Unveil&apos;s and the study&apos;s recipes can give different ECEs and temperatures on the same items; the metrics always say which one they follow (docs/METRICS.md, &quot;Recipes&quot;).</source>
        <translation>把预测变成数字的每一项选择。在相同条目上，Unveil 的方案和论文的方案可能给出不同的 ECE 和温度；指标总会注明所遵循的方案（docs/METRICS.md，“Recipes”）。</translation>
    </message>
    <message>
        <source>Rec&amp;ipe:</source>
        <translation>计算方案(&amp;I)：</translation>
    </message>
    <message>
        <source>Unveil&apos;s (every item)</source>
        <translation>Unveil 的（计入每一项）</translation>
    </message>
    <message>
        <source>The study&apos;s (as published)</source>
        <translation>论文的（与发表时一致）</translation>
    </message>
</context>
<context>
    <name>unveil::ui::CalibrationSession</name>
    <message>
        <source>Computing the metrics failed: %1</source>
        <translation>计算指标失败：%1</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Reading calibration split %1…</source>
        <translation>正在读取校准集 %1…</translation>
    </message>
    <message>
        <source>Load a calibration split before fitting a temperature.</source>
        <translation>请先加载校准集，再拟合温度。</translation>
    </message>
    <message>
        <source>Fitting a temperature on %1…</source>
        <translation>正在 %1 上拟合温度…</translation>
    </message>
    <message>
        <source>Computing metrics…</source>
        <translation>正在计算指标…</translation>
    </message>
    <message>
        <source>Computing bootstrap intervals…</source>
        <translation>正在计算自助法区间…</translation>
    </message>
</context>
<context>
    <name>unveil::ui::CompareView</name>
    <message>
        <source>Tick two to four runs on the same items; the first ticked is the reference every other run is compared with</source>
        <translation>勾选基于相同条目的二到四个运行；第一个勾选的运行为参照，其他运行都与它比较</translation>
    </message>
    <message>
        <source>Bootstrap resamples of the shared items: more give steadier intervals and take longer (seed 0, so a comparison can be repeated exactly)</source>
        <translation>对共同条目进行自助法重采样的次数：次数越多，区间越稳定，但耗时越长（种子为 0，因此比较可以完全重现）</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Compare the ticked runs on the items they all answered (Ctrl+Enter)</source>
        <translation>在所有勾选的运行都回答过的条目上比较这些运行（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the bootstrap; nothing is kept</source>
        <translation>停止自助法计算；不保留任何结果</translation>
    </message>
    <message>
        <source>Write report…</source>
        <translation>生成报告…</translation>
    </message>
    <message>
        <source>A self-contained HTML page of this comparison: diagrams, metrics, verdicts and the commands that reproduce it</source>
        <translation>本次比较的独立 HTML 页面：图表、指标、结论以及重现它的命令</translation>
    </message>
    <message>
        <source>Resamples:</source>
        <translation>重采样次数：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Runs to compare&lt;/b&gt; (2–4, the first is the reference)</source>
        <translation>&lt;b&gt;要比较的运行&lt;/b&gt;（2–4 个，第一个为参照）</translation>
    </message>
    <message>
        <source>Tick at least two runs.</source>
        <translation>请至少勾选两个运行。</translation>
    </message>
    <message>
        <source>Tick at most four runs.</source>
        <translation>最多只能勾选四个运行。</translation>
    </message>
    <message>
        <source>Ready to compare.</source>
        <translation>可以开始比较。</translation>
    </message>
    <message>
        <source>Open a project to compare its runs.</source>
        <translation>请打开一个项目以比较其中的运行。</translation>
    </message>
    <message>
        <source>Tick two to four runs.</source>
        <translation>请勾选二到四个运行。</translation>
    </message>
    <message numerus="yes">
        <source>Comparing %n run(s) with %1 bootstrap resamples…</source>
        <translation>
            <numerusform>正在以 %1 次自助法重采样比较 %n 个运行…</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not compare: %1</source>
        <translation>无法比较：%1</translation>
    </message>
    <message>
        <source>Cancelled; nothing was kept.</source>
        <translation>已取消；未保留任何结果。</translation>
    </message>
    <message>
        <source>Run %1 · %2</source>
        <translation>运行 %1 · %2</translation>
    </message>
    <message>
        <source>ECE %1 · accuracy %2 % · %3 shared items</source>
        <translation>ECE %1 · 准确率 %2 % · %3 个共同条目</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <source>Run %1 − run %2</source>
        <translation>运行 %1 − 运行 %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Verdicts&lt;/b&gt; (paired bootstrap, %1 resamples, %2 % intervals; significant differences in bold in the table):</source>
        <translation>&lt;b&gt;结论&lt;/b&gt;（配对自助法，%1 次重采样，%2 % 区间；显著的差异在表中以粗体显示）：</translation>
    </message>
    <message>
        <source>Run %1 · %2 · partial: %3</source>
        <translation>运行 %1 · %2 · 不完整：%3</translation>
    </message>
    <message>
        <source>Run %1 · %2 (partial: %3)</source>
        <translation>运行 %1 · %2（不完整：%3）</translation>
    </message>
    <message>
        <source>run %1 holds %2</source>
        <translation>运行 %1 含 %2</translation>
    </message>
    <message>
        <source>Partial runs: %1.</source>
        <translation>不完整的运行：%1。</translation>
    </message>
    <message>
        <source>&lt;p&gt;Tick two to four runs above that answered the same questions — for example one model before and after fine-tuning, or two models on the same test split — and press &lt;b&gt;Compare&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Each run&apos;s reliability diagram appears side by side and overlaid, with a table of every metric and its interval, and a plain verdict on each difference: whether it is larger than chance alone would give.&lt;/p&gt;</source>
        <translation>&lt;p&gt;在上方勾选两到四个回答了相同问题的运行——例如同一模型微调前后，或两个模型在同一测试划分上——然后点击&lt;b&gt;比较&lt;/b&gt;。&lt;/p&gt;&lt;p&gt;每个运行的可靠性图会并排显示并叠加在一起，附上每项指标及其区间的表格，并对每项差异给出通俗的结论：它是否大于仅凭偶然所能产生的差异。&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Run %1 · %2 · %Ln prediction(s)</source>
        <translation>
            <numerusform>运行 %1 · %2 · %Ln 条预测</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shared item(s) compared.</source>
        <translation>
            <numerusform>比较了 %Ln 个共同条目。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>unveil::ui::ConditionList</name>
    <message>
        <source>Tick the conditions to compare with the image as given. A condition already run with the same model, items and prompt is reused.</source>
        <translation>勾选要与原始图像比较的条件。已用同一模型、同一批题目和同一提示运行过的条件会被重用。</translation>
    </message>
    <message>
        <source>Another condition: choose its kind and amount, then Add</source>
        <translation>另一个条件：选择类型和程度，然后点“添加”</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add this condition to the list, ticked</source>
        <translation>把这个条件加入列表并勾选</translation>
    </message>
    <message>
        <source>Another:</source>
        <translation>另一个：</translation>
    </message>
    <message>
        <source>%1 (the reference)</source>
        <translation>%1（参照）</translation>
    </message>
    <message>
        <source>The image as given: every other condition is compared with it</source>
        <translation>原始图像：其他每个条件都与它比较</translation>
    </message>
    <message>
        <source>Stored as “%1”</source>
        <translation>存储为“%1”</translation>
    </message>
</context>
<context>
    <name>unveil::ui::ConditionPicker</name>
    <message>
        <source>Original image</source>
        <translation>原始图像</translation>
    </message>
    <message>
        <source>No image (text only)</source>
        <translation>无图像（仅文本）</translation>
    </message>
    <message>
        <source>Blank (mean colour)</source>
        <translation>空白（平均颜色）</translation>
    </message>
    <message>
        <source>Gaussian noise</source>
        <translation>高斯噪声</translation>
    </message>
    <message>
        <source>Noise σ, on the 0–1 intensity scale</source>
        <translation>噪声 σ，以 0–1 的强度为尺度</translation>
    </message>
    <message>
        <source>Gaussian blur</source>
        <translation>高斯模糊</translation>
    </message>
    <message>
        <source>Blur σ, in pixels</source>
        <translation>模糊 σ，单位为像素</translation>
    </message>
    <message>
        <source>Occluding patch</source>
        <translation>遮挡块</translation>
    </message>
    <message>
        <source>Share of the image area the grey square covers</source>
        <translation>灰色方块遮挡的图像面积比例</translation>
    </message>
    <message>
        <source>Greyscale</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>JPEG re-encoding</source>
        <translation>JPEG 重新编码</translation>
    </message>
    <message>
        <source>JPEG quality (1 = worst, 100 = best)</source>
        <translation>JPEG 质量（1 = 最差，100 = 最好）</translation>
    </message>
</context>
<context>
    <name>unveil::ui::ConfidenceHistogram</name>
    <message>
        <source>Confidence histogram</source>
        <translation>置信度直方图</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Accuracy %1</source>
        <translation>准确率 %1</translation>
    </message>
    <message>
        <source>Mean confidence %1</source>
        <translation>平均置信度 %1</translation>
    </message>
    <message>
        <source>Mean confidence after %1</source>
        <translation>缩放后平均置信度 %1</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Confidence %1</source>
        <translation>置信度 %1</translation>
    </message>
    <message>
        <source>Mean confidence before %1</source>
        <translation>缩放前平均置信度 %1</translation>
    </message>
</context>
<context>
    <name>unveil::ui::ConfidenceScatter</name>
    <message>
        <source>Confidence per item</source>
        <translation>各条目的置信度</translation>
    </message>
    <message>
        <source>Same confidence</source>
        <translation>置信度相同</translation>
    </message>
    <message>
        <source>Right both ways</source>
        <translation>两种情况均正确</translation>
    </message>
    <message>
        <source>Wrong both ways</source>
        <translation>两种情况均错误</translation>
    </message>
    <message>
        <source>The image made it right</source>
        <translation>图像使其答对</translation>
    </message>
    <message>
        <source>The image made it wrong</source>
        <translation>图像使其答错</translation>
    </message>
    <message>
        <source>Confidence: %1</source>
        <translation>置信度：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s); click a point to open the item</source>
        <translation>
            <numerusform>%n 个条目；点击某个点即可打开该条目</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;with the image: %2 % (%3)&lt;br&gt;this condition: %4 % (%5)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;有图像：%2 %（%3）&lt;br&gt;此条件：%4 %（%5）</translation>
    </message>
    <message>
        <source>right</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>unveil::ui::DatasetBrowser</name>
    <message>
        <source>Search id, question, options…</source>
        <translation>搜索 ID、问题、选项…</translation>
    </message>
    <message>
        <source>Show only items whose id, question or an option contains this text (not case-sensitive) (Ctrl+F)</source>
        <translation>只显示 ID、问题或某个选项包含此文本的条目（不区分大小写）（Ctrl+F）</translation>
    </message>
    <message>
        <source>Show one split only</source>
        <translation>只显示一个划分</translation>
    </message>
    <message>
        <source>Show one category only</source>
        <translation>只显示一个类别</translation>
    </message>
    <message>
        <source>All questions</source>
        <translation>全部问题</translation>
    </message>
    <message>
        <source>IDK questions only</source>
        <translation>仅 IDK 问题</translation>
    </message>
    <message>
        <source>Answerable only</source>
        <translation>仅可回答的问题</translation>
    </message>
    <message>
        <source>IDK questions cannot be answered from the image or the text: their right answer is the “I don&apos;t know” option</source>
        <translation>IDK 问题无法根据图像或文本回答：正确答案是“I don&apos;t know”（我不知道）选项</translation>
    </message>
    <message>
        <source>Up/Down or J/K move between items</source>
        <translation>上/下方向键或 J/K 在条目间移动</translation>
    </message>
    <message>
        <source>All splits</source>
        <translation>全部划分</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln 个条目</numerusform>
        </translation>
    </message>
    <message>
        <source>Right and wrong</source>
        <translation>答对与答错</translation>
    </message>
    <message>
        <source>Wrong only</source>
        <translation>仅答错</translation>
    </message>
    <message>
        <source>Right only</source>
        <translation>仅答对</translation>
    </message>
    <message>
        <source>No answer only</source>
        <translation>仅未作答</translation>
    </message>
    <message>
        <source>Show the items the run answered wrongly, or rightly</source>
        <translation>只显示该运行答错（或答对）的条目</translation>
    </message>
    <message>
        <source>Confidently wrong first</source>
        <translation>高置信错误优先</translation>
    </message>
    <message>
        <source>Sort the run&apos;s wrong answers to the top, the most confident first: the failures that matter most</source>
        <translation>将该运行答错的条目排在最前，置信度最高的在前：这是最需要关注的失败</translation>
    </message>
    <message>
        <source>Show all items</source>
        <translation>显示全部条目</translation>
    </message>
    <message>
        <source>Leave the chosen bin and show every item again (Esc)</source>
        <translation>离开所选分箱，重新显示全部条目（Esc）</translation>
    </message>
    <message numerus="yes">
        <source>Showing the %n item(s) of %1</source>
        <translation>
            <numerusform>显示 %1 中的 %n 个条目</numerusform>
        </translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the run&apos;s predictions of the items shown now (after the filters) as predictions JSONL or CSV</source>
        <translation>将当前显示的条目（经筛选后）的运行预测保存为预测 JSONL 或 CSV</translation>
    </message>
    <message>
        <source>Export the shown predictions</source>
        <translation>导出显示的预测</translation>
    </message>
    <message>
        <source>Predictions JSONL (*.jsonl);;CSV (*.csv)</source>
        <translation>预测 JSONL (*.jsonl);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Show the items whose run confidence lies in this range</source>
        <translation>只显示运行置信度位于此范围内的条目</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>No run is shown next to the items</source>
        <translation>条目旁没有显示任何运行</translation>
    </message>
    <message>
        <source>%1: cannot be written</source>
        <translation>%1：无法写入</translation>
    </message>
    <message>
        <source>%1: writing failed (disk full?)</source>
        <translation>%1：写入失败（磁盘已满？）</translation>
    </message>
    <message>
        <source>Showing %1 of the dataset&apos;s %2 items</source>
        <translation>显示数据集 %2 个条目中的 %1 个</translation>
    </message>
    <message>
        <source>the run holds %1 of them</source>
        <translation>运行含其中 %1 个</translation>
    </message>
</context>
<context>
    <name>unveil::ui::DatasetFilterProxy</name>
    <message>
        <source>chosen items</source>
        <translation>所选条目</translation>
    </message>
</context>
<context>
    <name>unveil::ui::DatasetSession</name>
    <message>
        <source>Reading dataset %1…</source>
        <translation>正在读取数据集 %1…</translation>
    </message>
</context>
<context>
    <name>unveil::ui::DatasetTableModel</name>
    <message>
        <source>This item has no image</source>
        <translation>此条目没有图像</translation>
    </message>
    <message>
        <source>Unanswerable question: the right answer is the “I don&apos;t know” option</source>
        <translation>无法回答的问题：正确答案是“I don&apos;t know”（我不知道）选项</translation>
    </message>
    <message>
        <source>The gold answer given by the dataset</source>
        <translation>数据集给出的标准答案</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Gold answer</source>
        <translation>标准答案</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>划分</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>A small copy of the item&apos;s image (made in the background)</source>
        <translation>条目图像的缩略图（在后台生成）</translation>
    </message>
    <message>
        <source>The answer the dataset counts as right; unanswerable (IDK) questions are shown in italics</source>
        <translation>数据集认定的正确答案；无法回答的（IDK）问题以斜体显示</translation>
    </message>
    <message>
        <source>train, calibration, test or idk</source>
        <translation>train（训练）、calibration（校准）、test（测试）或 idk</translation>
    </message>
    <message>
        <source>The option the run chose (highest probability)</source>
        <translation>该运行选择的选项（概率最高者）</translation>
    </message>
    <message>
        <source>✓ right</source>
        <translation>✓ 正确</translation>
    </message>
    <message>
        <source>✗ wrong</source>
        <translation>✗ 错误</translation>
    </message>
    <message>
        <source>Run&apos;s answer</source>
        <translation>运行的回答</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>The answer of %1</source>
        <translation>%1 的回答</translation>
    </message>
    <message>
        <source>Whether the run&apos;s answer is the gold answer; sort it descending for “confidently wrong first”</source>
        <translation>该运行的回答是否为标准答案；降序排序即为“高置信错误优先”</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>未作答</translation>
    </message>
    <message>
        <source>The model gave no option letter; this counts as a wrong answer</source>
        <translation>模型没有给出任何选项字母；这计为一个错误答案</translation>
    </message>
    <message>
        <source>%1 %, as the model gave it (before any temperature scaling)</source>
        <translation>%1 %，即模型给出的原值（未经任何温度缩放）</translation>
    </message>
    <message>
        <source>The run&apos;s confidence in its answer as the model gave it, before any temperature scaling: the largest option probability</source>
        <translation>该运行对其回答的置信度，即模型给出的原值（未经任何温度缩放）：各选项中最大的概率</translation>
    </message>
</context>
<context>
    <name>unveil::ui::DemoSetup</name>
    <message>
        <source>Preparing the demo project…</source>
        <translation>正在准备演示项目…</translation>
    </message>
    <message>
        <source>the text-only base model</source>
        <translation>纯文本基础模型</translation>
    </message>
    <message>
        <source>the multimodal model</source>
        <translation>多模态模型</translation>
    </message>
    <message>
        <source>the visually fine-tuned model</source>
        <translation>视觉微调模型</translation>
    </message>
    <message>
        <source>Going on with the build that stopped</source>
        <translation>继续上次停下的构建</translation>
    </message>
    <message>
        <source>Drawing the shapes world</source>
        <translation>正在绘制形状世界</translation>
    </message>
    <message>
        <source>Training %1: epoch %2 of %3</source>
        <translation>正在训练%1：第 %2 轮，共 %3 轮</translation>
    </message>
    <message>
        <source>Running %1 on the %2 split</source>
        <translation>正在%2划分上运行 %1</translation>
    </message>
    <message>
        <source>Fitting temperatures on the calibration split</source>
        <translation>正在校准划分上拟合温度</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>unveil::ui::DistributionPlot</name>
    <message>
        <source>Share of items</source>
        <translation>条目比例</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 % of its items (%3)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：占其条目的 %2 %（%3）</translation>
    </message>
</context>
<context>
    <name>unveil::ui::EmptyStateView</name>
    <message>
        <source>See how far a model&apos;s confidence can be trusted</source>
        <translation>看看模型的置信度有多可信</translation>
    </message>
    <message>
        <source>Open a predictions file (JSON Lines: one prediction per line, with logits or probabilities and the right label) to see its reliability diagram, confidence histogram and calibration metrics.&lt;br&gt;&lt;br&gt;Drop a file here, press &lt;b&gt;Ctrl+O&lt;/b&gt;, or open the synthetic example (not a real model).</source>
        <translation>打开一个预测文件（JSON Lines：每行一个预测，包含 logits 或概率以及正确标签），即可查看其可靠性图、置信度直方图和校准指标。&lt;br&gt;&lt;br&gt;将文件拖放到此处、按 &lt;b&gt;Ctrl+O&lt;/b&gt;，或打开合成示例（并非真实模型）。</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <source>Open a predictions JSONL file (Ctrl+O)</source>
        <translation>打开预测 JSONL 文件（Ctrl+O）</translation>
    </message>
    <message>
        <source>Open the example</source>
        <translation>打开示例</translation>
    </message>
    <message>
        <source>Open a synthetic example: an over-confident classifier (not a real model), with a calibration split</source>
        <translation>打开合成示例：一个过度自信的分类器（并非真实模型），附带校准集</translation>
    </message>
    <message>
        <source>Build the demo project</source>
        <translation>构建演示项目</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Train the three small demo models on the shapes world, run them, and fit a temperature (a few minutes, once; everything stays on this computer)</source>
        <translation>在形状世界上训练三个小型演示模型、运行它们并拟合温度（只需一次，几分钟；所有数据都留在这台计算机上）</translation>
    </message>
    <message>
        <source>Estimated on this computer from the share of the build done so far and the time it took; it settles as the build goes on</source>
        <translation>根据本机上已完成的构建比例及其耗时估算；随着构建进行会逐渐稳定</translation>
    </message>
    <message>
        <source>&lt;b&gt;Preparing the demo project.&lt;/b&gt; Unveil is drawing a small world of shapes, training three small vision-language models on it (a text-only base model, a multimodal model, and the multimodal model after visual fine-tuning), running them, and fitting a temperature. It takes a few minutes, once (the time left, measured as it goes, is below); the project then opens by itself.</source>
        <translation>&lt;b&gt;正在准备演示项目。&lt;/b&gt;Unveil 正在绘制一个小小的形状世界，在其上训练三个小型视觉-语言模型（纯文本基础模型、多模态模型，以及经过视觉微调的多模态模型），运行它们并拟合温度。只需一次，耗时几分钟（下方显示边做边测得的剩余时间）；完成后项目会自动打开。</translation>
    </message>
    <message>
        <source>Estimating the time left…</source>
        <translation>正在估算剩余时间…</translation>
    </message>
    <message>
        <source>Less than a minute left</source>
        <translation>剩余不到一分钟</translation>
    </message>
    <message numerus="yes">
        <source>About %n minute(s) left</source>
        <translation>
            <numerusform>大约还需 %n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop building the demo; the next start goes on from where it stopped (nothing half-made is opened)</source>
        <translation>停止构建演示项目；下次开始时会从停下的地方继续（不会打开未完成的项目）</translation>
    </message>
</context>
<context>
    <name>unveil::ui::IdkPromptList</name>
    <message>
        <source>The model&apos;s own prompt</source>
        <translation>模型自带的提示</translation>
    </message>
    <message>
        <source>Inviting “I don&apos;t know” %1</source>
        <translation>鼓励回答“我不知道” %1</translation>
    </message>
    <message>
        <source>Tick the prompts to compare; the first ticked is the reference the others are compared with</source>
        <translation>勾选要比较的提示；第一个勾选的是参照，其他提示都与它比较</translation>
    </message>
    <message>
        <source>Wording</source>
        <translation>措辞</translation>
    </message>
    <message>
        <source>Show the selected prompt&apos;s words, to read or change them</source>
        <translation>显示所选提示的措辞，以便阅读或修改</translation>
    </message>
    <message>
        <source>Add prompt</source>
        <translation>添加提示</translation>
    </message>
    <message>
        <source>A prompt of your own, starting from the study&apos;s words</source>
        <translation>你自己的提示，从研究所用的措辞开始</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the selected prompt of your own</source>
        <translation>移除所选的自定义提示</translation>
    </message>
    <message>
        <source>(the model card&apos;s own prompt: the study&apos;s words)</source>
        <translation>（模型卡自带的提示：研究所用的措辞）</translation>
    </message>
    <message>
        <source>The prompt&apos;s words: {image}, {hint}, {question} and {options} are filled in per item</source>
        <translation>提示的措辞：{image}、{hint}、{question} 和 {options} 会按每道题填入</translation>
    </message>
    <message>
        <source>The model card&apos;s own prompt (the study&apos;s words)</source>
        <translation>模型卡自带的提示（研究所用的措辞）</translation>
    </message>
    <message>
        <source>%1 (the reference)</source>
        <translation>%1（参照）</translation>
    </message>
    <message>
        <source>Your prompt %1</source>
        <translation>你的提示 %1</translation>
    </message>
</context>
<context>
    <name>unveil::ui::IdkView</name>
    <message>
        <source>The unanswerable questions (their right answer is the “I don&apos;t know” option)</source>
        <translation>无法回答的问题（正确答案是“我不知道”选项）</translation>
    </message>
    <message>
        <source>Run analysis</source>
        <translation>运行分析</translation>
    </message>
    <message>
        <source>Run (or reuse) each prompt on the IDK split and on the test split, then compare the prompts (Ctrl+Enter)</source>
        <translation>在 IDK 集和测试集上运行（或复用）每个提示词，然后比较这些提示词（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop after the batch in hand; finished runs are kept</source>
        <translation>处理完当前批次后停止；已完成的运行会保留</translation>
    </message>
    <message>
        <source>Prompt line %1 needs a name, a colon and the template: %2</source>
        <translation>提示词第 %1 行需要名称、冒号和模板：%2</translation>
    </message>
    <message>
        <source>Open a project with a dataset and a model first.</source>
        <translation>请先打开一个包含数据集和模型的项目。</translation>
    </message>
    <message>
        <source>Run %1 of %2: prompt %3 on %4 (%5) — %6/%7 items</source>
        <translation>第 %1 / %2 个运行：提示词 %3，%4（%5）— %6/%7 个条目</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>Admits “I don&apos;t know”</source>
        <translation>承认“我不知道”</translation>
    </message>
    <message>
        <source>Confidence of answers it should not give</source>
        <translation>不该给出的回答的置信度</translation>
    </message>
    <message>
        <source>Says “I don&apos;t know” wrongly</source>
        <translation>误答“我不知道”</translation>
    </message>
    <message>
        <source>Accuracy (answerable)</source>
        <translation>准确率（可回答）</translation>
    </message>
    <message>
        <source>Change in admitting</source>
        <translation>承认比例的变化</translation>
    </message>
    <message>
        <source>Change in accuracy</source>
        <translation>准确率的变化</translation>
    </message>
    <message>
        <source>On the IDK split: the share of questions the model answered with the “I don&apos;t know” option (higher is better)</source>
        <translation>在 IDK 集上：模型以“我不知道”选项作答的问题比例（越高越好）</translation>
    </message>
    <message>
        <source>On the IDK split: the mean confidence of the answers it gave instead of admitting it cannot know (lower is better)</source>
        <translation>在 IDK 集上：模型未承认无从知道、而是给出回答时的平均置信度（越低越好）</translation>
    </message>
    <message>
        <source>On answerable questions offering an “I don&apos;t know” option: how often the model chose it (lower is better)</source>
        <translation>在提供“我不知道”选项的可回答问题上：模型选择该选项的频率（越低越好）</translation>
    </message>
    <message>
        <source>Percentage points against the first prompt, with the 95 % paired-bootstrap interval</source>
        <translation>相对于第一个提示词的百分点变化，附 95 % 配对自助法区间</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) given</source>
        <translation>
            <numerusform>给出了 %n 个回答</numerusform>
        </translation>
    </message>
    <message>
        <source>reference</source>
        <translation>参照</translation>
    </message>
    <message>
        <source>&lt;b&gt;Verdicts&lt;/b&gt; (paired bootstrap, %1 resamples):</source>
        <translation>&lt;b&gt;结论&lt;/b&gt;（配对自助法，%1 次重采样）：</translation>
    </message>
    <message numerus="yes">
        <source>%n prompt(s) in %1 s.</source>
        <translation>
            <numerusform>%n 个提示词，用时 %1 秒。</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Prompts&lt;/b&gt; (the first ticked is the reference)</source>
        <translation>&lt;b&gt;提示&lt;/b&gt;（第一个勾选的是参照）</translation>
    </message>
    <message>
        <source>Tick at least one prompt.</source>
        <translation>请至少勾选一个提示。</translation>
    </message>
    <message>
        <source>The name “%1” is used twice</source>
        <translation>名称“%1”用了两次</translation>
    </message>
    <message>
        <source>The model card&apos;s own prompt (the study&apos;s words)</source>
        <translation>模型卡自带的提示（研究所用的措辞）</translation>
    </message>
    <message>
        <source>The “I don&apos;t know” rate on the unanswerable questions</source>
        <translation>无法回答的问题上回答“我不知道”的比例</translation>
    </message>
    <message>
        <source>Accuracy on the answerable questions</source>
        <translation>可回答问题上的准确率</translation>
    </message>
    <message>
        <source>%1: no unanswerable question was answered under both prompts, no comparison</source>
        <translation>%1：没有哪道无法回答的问题在两个提示下都有回答，无法比较</translation>
    </message>
    <message>
        <source>%1: no answerable question was answered under both prompts, no comparison</source>
        <translation>%1：没有哪道可回答的问题在两个提示下都有回答，无法比较</translation>
    </message>
    <message>
        <source>%1 under %2 differs from %3 by %4 (no interval: no bootstrap was asked for)</source>
        <translation>“%2”下的%1与“%3”相差 %4（没有区间：未做自助重抽样）</translation>
    </message>
    <message>
        <source>%1 admits not knowing more often</source>
        <translation>“%1”更常承认不知道</translation>
    </message>
    <message>
        <source>%1 is more accurate</source>
        <translation>“%1”更准确</translation>
    </message>
    <message>
        <source>%1 admits not knowing less often</source>
        <translation>“%1”更少承认不知道</translation>
    </message>
    <message>
        <source>%1 is less accurate</source>
        <translation>“%1”更不准确</translation>
    </message>
    <message>
        <source>not a significant difference</source>
        <translation>差异不显著</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 cannot be compared on the unanswerable questions</source>
        <translation>“%1”在无法回答的问题上无法比较</translation>
    </message>
    <message>
        <source>%1 changes the “I don&apos;t know” rate by %2 (no interval to judge it)</source>
        <translation>“%1”使回答“我不知道”的比例变化 %2（没有区间可供判断）</translation>
    </message>
    <message>
        <source>%1 admits not knowing more often (%2)</source>
        <translation>“%1”更常承认不知道（%2）</translation>
    </message>
    <message>
        <source>%1 admits not knowing less often (%2)</source>
        <translation>“%1”更少承认不知道（%2）</translation>
    </message>
    <message>
        <source>%1 does not change significantly how often the model admits not knowing</source>
        <translation>“%1”没有显著改变模型承认不知道的频率</translation>
    </message>
    <message>
        <source>accuracy on answerable questions cannot be compared</source>
        <translation>可回答问题上的准确率无法比较</translation>
    </message>
    <message>
        <source>it changes accuracy on answerable questions by %1</source>
        <translation>可回答问题上的准确率变化 %1</translation>
    </message>
    <message>
        <source>it is more accurate on answerable questions (%1)</source>
        <translation>在可回答问题上更准确（%1）</translation>
    </message>
    <message>
        <source>at a cost in accuracy on answerable questions (%1)</source>
        <translation>代价是可回答问题上的准确率下降（%1）</translation>
    </message>
    <message>
        <source>it is less accurate on answerable questions (%1)</source>
        <translation>在可回答问题上更不准确（%1）</translation>
    </message>
    <message>
        <source>with no significant change in accuracy on answerable questions</source>
        <translation>可回答问题上的准确率没有显著变化</translation>
    </message>
    <message>
        <source>%1 under %2 differs from %3 by %4 (%5 % interval %6 to %7)</source>
        <translation>“%2”下的%1与“%3”相差 %4（%5 % 区间 %6 至 %7）</translation>
    </message>
    <message>
        <source>%1; %2 (against %3, %4 % paired bootstrap)</source>
        <translation>%1；%2（对照“%3”，%4 % 配对自助法）</translation>
    </message>
    <message>
        <source>&lt;p&gt;Each ticked prompt is run on the questions no one can answer from the picture, and on answerable ones to see whether it says “I don&apos;t know” wrongly. Runs made before with the same settings are reused.&lt;/p&gt;&lt;p&gt;The page then shows, for each prompt, how often the model admits “I don&apos;t know”, how sure it is of the answers it should not give, and whether each prompt changes that by more than chance alone would.&lt;/p&gt;</source>
        <translation>&lt;p&gt;每个勾选的提示词都会在谁也无法从图片中回答的问题上运行，并在可回答的问题上运行，以查看它是否会错误地说“我不知道”。之前用相同设置完成的运行会被复用。&lt;/p&gt;&lt;p&gt;随后页面会针对每个提示词显示：模型承认“我不知道”的频率、它对本不该给出的回答有多确定，以及每个提示词带来的变化是否超出随机波动。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>unveil::ui::ImageViewer</name>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Fit the image to the window (F)</source>
        <translation>使图像适应窗口（F）</translation>
    </message>
    <message>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <source>Show the image at its actual size (1)</source>
        <translation>以实际大小显示图像（1）</translation>
    </message>
    <message>
        <source>Zoom out (-, or Ctrl+wheel)</source>
        <translation>缩小（-，或 Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Zoom in (+, or Ctrl+wheel)</source>
        <translation>放大（+，或 Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Scale of the image on screen</source>
        <translation>图像在屏幕上的缩放比例</translation>
    </message>
    <message>
        <source>No item selected</source>
        <translation>未选择条目</translation>
    </message>
    <message>
        <source>No image</source>
        <translation>无图像</translation>
    </message>
</context>
<context>
    <name>unveil::ui::ItemView</name>
    <message>
        <source>Context the dataset gives with the question (MMBench “hint”)</source>
        <translation>数据集随问题给出的上下文（MMBench 的“hint”）</translation>
    </message>
    <message>
        <source>✓ marks the gold answer; ? marks the “I don&apos;t know” option</source>
        <translation>✓ 标记标准答案；? 标记“I don&apos;t know”（我不知道）选项</translation>
    </message>
    <message>
        <source>No item selected</source>
        <translation>未选择条目</translation>
    </message>
    <message>
        <source>Choose an item in the list to see it here</source>
        <translation>在列表中选择一个条目以在此查看</translation>
    </message>
    <message>
        <source>split %1</source>
        <translation>划分 %1</translation>
    </message>
    <message>
        <source>unanswerable (IDK) question</source>
        <translation>无法回答的（IDK）问题</translation>
    </message>
    <message>
        <source>gold answer</source>
        <translation>标准答案</translation>
    </message>
    <message>
        <source>“I don&apos;t know” option</source>
        <translation>“I don&apos;t know”（我不知道）选项</translation>
    </message>
    <message>
        <source>The answer the dataset counts as right</source>
        <translation>数据集认定的正确答案</translation>
    </message>
    <message>
        <source>Choosing this option admits that the question cannot be answered</source>
        <translation>选择此选项即承认问题无法回答</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>The condition Run uses, previewed: the image as a run under this condition gives it to the model (the seed is fixed, so the preview is what the run sees)</source>
        <translation>“运行”所用的条件（预览）：在此条件下运行时交给模型的图像（种子固定，所以预览就是运行看到的图像）</translation>
    </message>
    <message>
        <source>Condition:</source>
        <translation>条件：</translation>
    </message>
</context>
<context>
    <name>unveil::ui::MainWindow</name>
    <message>
        <source>Predictions (*.jsonl *.json *.ndjson);;All files (*)</source>
        <translation>预测文件 (*.jsonl *.json *.ndjson);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Unveil</source>
        <translation>Unveil</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open a predictions JSONL file to analyse (Ctrl+O)</source>
        <translation>打开要分析的预测 JSONL 文件（Ctrl+O）</translation>
    </message>
    <message>
        <source>Open the synthetic example (not a real model): a test split and a calibration split</source>
        <translation>打开合成示例（并非真实模型）：一个测试集和一个校准集</translation>
    </message>
    <message>
        <source>Load &amp;calibration split…</source>
        <translation>加载校准集(&amp;C)…</translation>
    </message>
    <message>
        <source>Load a second predictions file, from the same model on other items, to fit a temperature on (Ctrl+L)</source>
        <translation>加载第二个预测文件（同一模型在其他样本上的预测），用于拟合温度（Ctrl+L）</translation>
    </message>
    <message>
        <source>&amp;Export reliability diagram…</source>
        <translation>导出可靠性图(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the reliability diagram as PNG, SVG or PDF (Ctrl+E)</source>
        <translation>将可靠性图保存为 PNG、SVG 或 PDF（Ctrl+E）</translation>
    </message>
    <message>
        <source>Export confidence &amp;histogram…</source>
        <translation>导出置信度直方图(&amp;H)…</translation>
    </message>
    <message>
        <source>Save the confidence histogram as PNG, SVG or PDF (Ctrl+Shift+E)</source>
        <translation>将置信度直方图保存为 PNG、SVG 或 PDF（Ctrl+Shift+E）</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Calibration</source>
        <translation>校准(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Fit temperature</source>
        <translation>拟合温度(&amp;F)</translation>
    </message>
    <message>
        <source>Fit temperature scaling on the calibration split and show before/after (Ctrl+T)</source>
        <translation>在校准集上拟合温度缩放，并显示缩放前后的对比（Ctrl+T）</translation>
    </message>
    <message>
        <source>&amp;Remove temperature</source>
        <translation>移除温度(&amp;R)</translation>
    </message>
    <message>
        <source>Show the model&apos;s own confidences only</source>
        <translation>仅显示模型自身的置信度</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Unveil</source>
        <translation>关于 Unveil(&amp;A)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Open predictions</source>
        <translation>打开预测文件</translation>
    </message>
    <message>
        <source>Load calibration split</source>
        <translation>加载校准集</translation>
    </message>
    <message>
        <source>Ready · ECE %1 · accuracy %2 %</source>
        <translation>就绪 · ECE %1 · 准确率 %2 %</translation>
    </message>
    <message>
        <source>after temperature scaling: ECE %1</source>
        <translation>温度缩放后：ECE %1</translation>
    </message>
    <message>
        <source>Load a calibration split (Ctrl+L) to fit a temperature</source>
        <translation>加载校准集（Ctrl+L）以拟合温度</translation>
    </message>
    <message>
        <source>Press Ctrl+T to fit a temperature</source>
        <translation>按 Ctrl+T 拟合温度</translation>
    </message>
    <message>
        <source>Could not complete the last step: %1</source>
        <translation>上一步未能完成：%1</translation>
    </message>
    <message>
        <source>Error — see the message at the top of the window</source>
        <translation>出错 — 请查看窗口顶部的消息</translation>
    </message>
    <message>
        <source>About Unveil</source>
        <translation>关于 Unveil</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Unveil %1&lt;/h3&gt;&lt;p&gt;A workbench for the calibration of multimodal language models: how far can a model&apos;s confidence be trusted?&lt;/p&gt;&lt;p&gt;Based on “Unveiling Uncertainty: A Deep Dive into Calibration and Performance of Multimodal Large Language Models” (COLING 2025).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Unveil %1&lt;/h3&gt;&lt;p&gt;多模态语言模型校准工作台：模型的置信度有多可信？&lt;/p&gt;&lt;p&gt;基于论文《Unveiling Uncertainty: A Deep Dive into Calibration and Performance of Multimodal Large Language Models》（COLING 2025）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>校准</translation>
    </message>
    <message>
        <source>Reliability diagram, confidence histogram and metrics (Ctrl+1)</source>
        <translation>可靠性图、置信度直方图和指标（Ctrl+1）</translation>
    </message>
    <message>
        <source>Items of the dataset that could not be read, and why</source>
        <translation>数据集中无法读取的条目及其原因</translation>
    </message>
    <message>
        <source>Read-only project</source>
        <translation>只读项目</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>The project&apos;s runs; choose one to see its diagrams</source>
        <translation>项目中的运行；选择一个以查看其图表</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Open dataset</source>
        <translation>打开数据集</translation>
    </message>
    <message>
        <source>Datasets (*.json *.jsonl *.tsv);;LLaVA conversations (*.json);;LLaVA questions (*.jsonl);;MMBench (*.tsv);;All files (*)</source>
        <translation>数据集 (*.json *.jsonl *.tsv);;LLaVA 对话 (*.json);;LLaVA 问题 (*.jsonl);;MMBench (*.tsv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Browse the dataset&apos;s items, images and options (Ctrl+2)</source>
        <translation>浏览数据集的条目、图像和选项（Ctrl+2）</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n item(s) skipped — &lt;a href=&quot;show&quot;&gt;show&lt;/a&gt;</source>
        <translation>
            <numerusform>⚠ 已跳过 %n 个条目 — &lt;a href=&quot;show&quot;&gt;查看&lt;/a&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>[read-only]</source>
        <translation>[只读]</translation>
    </message>
    <message>
        <source>Open &amp;dataset…</source>
        <translation>打开数据集(&amp;D)…</translation>
    </message>
    <message>
        <source>Browse a dataset&apos;s items and images: LLaVA conversation JSON, LLaVA questions JSONL or MMBench TSV (Ctrl+D). Files can be dropped on the window too.</source>
        <translation>浏览数据集的条目和图像：LLaVA 对话 JSON、LLaVA 问题 JSONL 或 MMBench TSV（Ctrl+D）。也可以把文件拖放到窗口上。</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Calibration page</source>
        <translation>校准页(&amp;C)</translation>
    </message>
    <message>
        <source>Show the reliability diagram, histogram and metrics (Ctrl+1)</source>
        <translation>显示可靠性图、直方图和指标（Ctrl+1）</translation>
    </message>
    <message>
        <source>&amp;Dataset page</source>
        <translation>数据集页(&amp;D)</translation>
    </message>
    <message>
        <source>Show the dataset browser and the item view (Ctrl+2)</source>
        <translation>显示数据集浏览器和条目视图（Ctrl+2）</translation>
    </message>
    <message>
        <source>Show or hide the items the dataset import skipped (Ctrl+P)</source>
        <translation>显示或隐藏导入数据集时跳过的条目（Ctrl+P）</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>Model cards (*.json);;All files (*)</source>
        <translation>模型卡 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open &amp;model…</source>
        <translation>打开模型(&amp;M)…</translation>
    </message>
    <message>
        <source>Show or hide the project&apos;s runs (Ctrl+Shift+R)</source>
        <translation>显示或隐藏项目中的运行（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <source>New run</source>
        <translation>新建运行</translation>
    </message>
    <message>
        <source>Run a model over a dataset split of the project</source>
        <translation>在项目的某个数据集划分上运行模型</translation>
    </message>
    <message>
        <source>Building the demo project: %1 %</source>
        <translation>正在构建演示项目：%1 %</translation>
    </message>
    <message>
        <source>The demo project could not be built: %1</source>
        <translation>无法构建演示项目：%1</translation>
    </message>
    <message>
        <source>The items of a bin can be listed for the runs of a project, whose dataset is open</source>
        <translation>只有项目中的运行（且其数据集已打开）才能列出某个分箱中的条目</translation>
    </message>
    <message>
        <source>confidence %1 (histogram)</source>
        <translation>置信度 %1（直方图）</translation>
    </message>
    <message>
        <source>confidence %1 (reliability diagram: accuracy %2 %)</source>
        <translation>置信度 %1（可靠性图：准确率 %2 %）</translation>
    </message>
    <message>
        <source>Starting the run…</source>
        <translation>正在开始运行…</translation>
    </message>
    <message>
        <source>Running %1: %2 of %3 items</source>
        <translation>正在运行 %1：%2 / %3 个条目</translation>
    </message>
    <message>
        <source>Run %1 cancelled</source>
        <translation>运行 %1 已取消</translation>
    </message>
    <message>
        <source>Run %1 finished</source>
        <translation>运行 %1 已完成</translation>
    </message>
    <message>
        <source>Open demo pro&amp;ject</source>
        <translation>打开演示项目(&amp;J)</translation>
    </message>
    <message>
        <source>The demo project: three small models trained here on the shapes world, their runs and temperatures (built the first time, about a minute and a half)</source>
        <translation>演示项目：在本机于形状世界上训练的三个小模型，以及它们的运行和温度（首次打开时构建，约一分半钟）</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Resume chosen run</source>
        <translation>继续所选运行(&amp;R)</translation>
    </message>
    <message>
        <source>Continue the cancelled or interrupted run chosen in the runs panel</source>
        <translation>继续运行面板中所选的已取消或中断的运行</translation>
    </message>
    <message>
        <source>&amp;Cancel batch run</source>
        <translation>取消批量运行(&amp;C)</translation>
    </message>
    <message>
        <source>Stop the batch run after the batch in hand; what is stored stays (Ctrl+.)</source>
        <translation>在当前批次完成后停止批量运行；已保存的结果会保留（Ctrl+.）</translation>
    </message>
    <message>
        <source>Show or hide the panel that runs a model over a dataset split</source>
        <translation>显示或隐藏在数据集划分上运行模型的面板</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n prediction(s) to %1</source>
        <translation>
            <numerusform>已将 %n 条预测保存到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The items can be listed for the runs of a project, whose dataset is open</source>
        <translation>只有项目中的运行（且其数据集已打开）才能列出条目</translation>
    </message>
    <message>
        <source>the answered %1 % (confidence ≥ %2)</source>
        <translation>已回答的 %1 %（置信度 ≥ %2）</translation>
    </message>
    <message>
        <source>Remove temperature T = %1</source>
        <translation>移除温度 T = %1</translation>
    </message>
    <message>
        <source>None stored for the shown run</source>
        <translation>当前运行没有已保存的温度</translation>
    </message>
    <message>
        <source>Remove T = %1 (fitted on %2, %3)</source>
        <translation>移除 T = %1（拟合于 %2，%3）</translation>
    </message>
    <message>
        <source>Temperature T = %1 stored with run %2</source>
        <translation>温度 T = %1 已随运行 %2 保存</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Stored temperatures</source>
        <translation>已保存的温度(&amp;S)</translation>
    </message>
    <message>
        <source>The temperatures fitted for the shown run and stored in the project; remove one here (Edit ▸ Undo puts it back)</source>
        <translation>为当前运行拟合并保存在项目中的温度；可在此移除（编辑 ▸ 撤销可恢复）</translation>
    </message>
    <message>
        <source>Session &amp;log</source>
        <translation>会话日志(&amp;L)</translation>
    </message>
    <message>
        <source>What happened in this session: messages, errors and finished jobs, with their times (to copy into a bug report)</source>
        <translation>本次会话中发生的事情：消息、错误和已完成的任务及其时间（可复制到错误报告中）</translation>
    </message>
    <message>
        <source>Show or hide: %1</source>
        <translation>显示或隐藏：%1</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>The open project&apos;s datasets, models and runs</source>
        <translation>当前项目中的数据集、模型和运行</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>The confidence histogram and the risk–coverage curve of the shown predictions</source>
        <translation>当前显示的预测的置信度直方图和风险–覆盖率曲线</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Accuracy, calibration errors and their intervals</source>
        <translation>准确率、校准误差及其区间</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>The browser&apos;s current item: image, question, options and Run now</source>
        <translation>浏览器中的当前条目：图像、问题、选项以及“立即运行”</translation>
    </message>
    <message>
        <source>%1 offered to Run now and New run</source>
        <translation>已将 %1 提供给“立即运行”和“新建运行”</translation>
    </message>
    <message>
        <source>The report was not written: %1</source>
        <translation>未能写入报告：%1</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>报告已写入 %1</translation>
    </message>
    <message>
        <source>A report is written for a run of the open project</source>
        <translation>只能为当前项目中的运行生成报告</translation>
    </message>
    <message>
        <source>Write report</source>
        <translation>生成报告</translation>
    </message>
    <message>
        <source>A report is being written; try again in a moment</source>
        <translation>正在生成报告，请稍后再试</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <source>item %1</source>
        <translation>条目 %1</translation>
    </message>
    <message>
        <source>Item %1 is not in %2</source>
        <translation>条目 %1 不在 %2 中</translation>
    </message>
    <message>
        <source>Analyses</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>Compare runs, and text versus image uncertainty (Ctrl+3)</source>
        <translation>比较运行，以及文本与图像的不确定性（Ctrl+3）</translation>
    </message>
    <message>
        <source>Write &amp;report…</source>
        <translation>生成报告(&amp;R)…</translation>
    </message>
    <message>
        <source>A self-contained HTML report of the shown run for readers who have never seen the tool: diagrams, metrics with intervals, the temperature, the worst failures with their images and how to reproduce it (Ctrl+Shift+W)</source>
        <translation>为当前运行生成一份独立的 HTML 报告，供从未用过本工具的读者阅读：图表、带区间的指标、温度、最严重的失败案例及其图像，以及如何重现（Ctrl+Shift+W）</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>Language, light or dark look, binning, bootstrap and the defaults of new runs (Ctrl+,)</source>
        <translation>语言、浅色或深色外观、分箱、自助法以及新建运行的默认设置（Ctrl+,）</translation>
    </message>
    <message>
        <source>&amp;Analyses page</source>
        <translation>分析页(&amp;A)</translation>
    </message>
    <message>
        <source>Compare runs, and text versus image uncertainty, on the open project (Ctrl+3)</source>
        <translation>在当前项目上比较运行，以及文本与图像的不确定性（Ctrl+3）</translation>
    </message>
    <message>
        <source>Reset &amp;layout</source>
        <translation>重置布局(&amp;L)</translation>
    </message>
    <message>
        <source>Put every panel back where it was at the first start</source>
        <translation>将所有面板恢复到首次启动时的位置</translation>
    </message>
    <message>
        <source>The best prompt is in the New run panel; choose the split and press Start</source>
        <translation>最佳提示词已填入“新建运行”面板；选择划分后按“开始运行”</translation>
    </message>
    <message>
        <source>Presentation mode tells the demo project&apos;s story: open it first (File ▸ Open demo project)</source>
        <translation>演示模式讲述演示项目的故事：请先打开它（文件 ▸ 打开演示项目）</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen, large type: the demo&apos;s story — calibration, the over-confident model, the questions it cannot know, temperature scaling — step by step with the arrow keys (F5; Esc leaves)</source>
        <translation>全屏、大字号：演示项目的故事——校准、过度自信的模型、它无法知道答案的问题、温度缩放——用方向键逐步浏览（F5；Esc 退出）</translation>
    </message>
    <message>
        <source>PDF report (*.pdf)</source>
        <translation>PDF 报告 (*.pdf)</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>HTML 报告 (*.html)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open the report in the desktop&apos;s viewer</source>
        <translation>用桌面的查看器打开报告</translation>
    </message>
    <message>
        <source>Add a model card (JSON next to its TorchScript file, or a server&apos;s card) to run items with (Ctrl+M)</source>
        <translation>添加模型卡（与其 TorchScript 文件放在一起的 JSON，或服务器模型卡），用于运行条目（Ctrl+M）</translation>
    </message>
    <message>
        <source>Add &amp;server model…</source>
        <translation>添加服务器模型(&amp;S)…</translation>
    </message>
    <message>
        <source>A model served by vLLM, SGLang, llama.cpp or unveil-cli serve through the OpenAI API: its URL, its model id and the variable that holds its key (Ctrl+Shift+M)</source>
        <translation>由 vLLM、SGLang、llama.cpp 或 unveil-cli serve 通过 OpenAI API 提供的模型：其 URL、模型 ID 以及保存密钥的环境变量（Ctrl+Shift+M）</translation>
    </message>
    <message>
        <source>%1 (partial: %2)</source>
        <translation>%1（不完整：%2）</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>confidence %1 after scaling (histogram, T = %2)</source>
        <translation>缩放后置信度 %1（直方图，T = %2）</translation>
    </message>
    <message>
        <source>&amp;New run…</source>
        <translation>新建运行(&amp;N)…</translation>
    </message>
    <message>
        <source>Open the New run panel: choose the model, the items and the condition, then Start (Ctrl+B)</source>
        <translation>打开“新建运行”面板：选择模型、条目和条件，然后点击“开始”（Ctrl+B）</translation>
    </message>
    <message>
        <source>&amp;Reading the diagrams</source>
        <translation>读懂这些图(&amp;R)</translation>
    </message>
    <message>
        <source>What the reliability diagram, the histogram, temperature scaling and the numbers say, in plain words, with examples (F1)</source>
        <translation>用浅显的话并配以示例，说明可靠性图、直方图、温度缩放和各项数字的含义（F1）</translation>
    </message>
    <message>
        <source>The demo build was stopped. Open a file, or build the demo another time: it goes on from where it stopped.</source>
        <translation>演示项目的构建已停止。请打开一个文件，或稍后再构建演示项目：它会从停下的地方继续。</translation>
    </message>
    <message>
        <source>&amp;Open predictions…</source>
        <translation>打开预测(&amp;O)…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Open synthetic &amp;example</source>
        <translation>打开合成示例(&amp;E)</translation>
    </message>
    <message>
        <source>Open example</source>
        <translation>打开示例</translation>
    </message>
</context>
<context>
    <name>unveil::ui::MessageBanner</name>
    <message>
        <source>Dismiss this message</source>
        <translation>关闭此消息</translation>
    </message>
</context>
<context>
    <name>unveil::ui::MetricsPanel</name>
    <message>
        <source>Hover over a metric to see what it means.</source>
        <translation>将鼠标悬停在指标上即可查看其含义。</translation>
    </message>
    <message>
        <source>Temperature scaling divides the model&apos;s scores by one number T, fitted on a separate calibration split. T &gt; 1 softens over-confident answers, T &lt; 1 sharpens under-confident ones; which answer is chosen never changes.</source>
        <translation>温度缩放将模型的分数除以一个数 T，T 在单独的校准集上拟合。T &gt; 1 会减弱过度自信的回答，T &lt; 1 会增强信心不足的回答；所选的答案永远不会改变。</translation>
    </message>
    <message>
        <source>T ≈ 1: the model was already calibrated on this split; scaling changed (almost) nothing.</source>
        <translation>T ≈ 1：模型在此数据集上已经校准良好；缩放（几乎）没有改变任何东西。</translation>
    </message>
    <message>
        <source>The best temperature lies at the edge of the search range; treat it with care.</source>
        <translation>最佳温度位于搜索范围的边界，请谨慎看待。</translation>
    </message>
    <message>
        <source>T &gt; 1: the model was over-confident on this split; scaling softens its confidence and never changes an answer.</source>
        <translation>T &gt; 1：模型在此数据集上过度自信；缩放会降低其置信度，且不会改变任何回答。</translation>
    </message>
    <message>
        <source>T &lt; 1: the model was under-confident on this split; scaling sharpens its confidence and never changes an answer.</source>
        <translation>T &lt; 1：模型在此数据集上信心不足；缩放会提高其置信度，且不会改变任何回答。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Temperature scaling&lt;/b&gt; · not fitted. Load a calibration split (Ctrl+L) and fit a temperature (Ctrl+T) to compare before and after.</source>
        <translation>&lt;b&gt;温度缩放&lt;/b&gt; · 尚未拟合。载入校准集（Ctrl+L）并拟合温度（Ctrl+T），即可比较缩放前后。</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Temperature scaling&lt;/b&gt; · T = %1, fitted on %2 (%Ln prediction(s)).</source>
        <translation>
            <numerusform>&lt;b&gt;温度缩放&lt;/b&gt; · T = %1，在 %2 上拟合（%Ln 个预测）。</numerusform>
        </translation>
    </message>
    <message>
        <source>T = %1 exactly. The fit minimises the negative log-likelihood (NLL) of the right answers on the calibration split: %2 before, %3 after (lower is better).</source>
        <translation>精确值 T = %1。拟合使校准集上正确答案的负对数似然（NLL）最小：缩放前 %2，缩放后 %3（越低越好）。</translation>
    </message>
</context>
<context>
    <name>unveil::ui::MetricsTableModel</name>
    <message>
        <source>Predictions</source>
        <translation>预测数</translation>
    </message>
    <message>
        <source>How many predictions were analysed. With few predictions every number below is uncertain.</source>
        <translation>参与分析的预测数量。预测很少时，下面的每个数字都不确定。</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>The share of predictions that are right. Temperature scaling never changes it: it changes how sure the model says it is, not which answer it picks.</source>
        <translation>预测正确的比例。温度缩放永远不会改变它：它改变的是模型自称的把握程度，而不是它选择的答案。</translation>
    </message>
    <message>
        <source>Mean confidence</source>
        <translation>平均置信度</translation>
    </message>
    <message>
        <source>How sure the model is of its chosen answers, on average. Above the accuracy means over-confident; below it, under-confident.</source>
        <translation>模型对所选答案的平均把握程度。高于准确率表示过度自信；低于准确率表示信心不足。</translation>
    </message>
    <message>
        <source>ECE</source>
        <translation>ECE</translation>
    </message>
    <message>
        <source>MCE</source>
        <translation>MCE</translation>
    </message>
    <message>
        <source>Maximum calibration error: the largest gap between confidence and accuracy in any single bin. It shows the worst case, and small bins can make it jumpy. 0 is perfect.</source>
        <translation>最大校准误差：任一分箱中置信度与准确率之间的最大差距。它反映最坏情况，样本少的分箱会使其波动较大。0 为完美。</translation>
    </message>
    <message>
        <source>RMS calibration error</source>
        <translation>均方根校准误差</translation>
    </message>
    <message>
        <source>Root-mean-square calibration error: like ECE, but large gaps count more than small ones. 0 is perfect.</source>
        <translation>均方根校准误差：与 ECE 类似，但大的差距比小的差距权重更高。0 为完美。</translation>
    </message>
    <message>
        <source>ACE</source>
        <translation>ACE</translation>
    </message>
    <message>
        <source>Adaptive calibration error: ECE computed with bins that each hold the same number of predictions, so that nearly empty bins cannot distort it. 0 is perfect.</source>
        <translation>自适应校准误差：使用每个分箱包含相同数量预测的方式计算的 ECE，因此几乎为空的分箱不会使其失真。0 为完美。</translation>
    </message>
    <message>
        <source>Brier score</source>
        <translation>Brier 分数</translation>
    </message>
    <message>
        <source>The mean squared difference between the predicted probabilities and the truth (1 for the right option, 0 for the others). It rewards answers that are both right and honestly confident. 0 is perfect, 2 is the worst.</source>
        <translation>预测概率与真实情况（正确选项为 1，其他为 0）之间的均方差。它奖励既正确又诚实自信的回答。0 为完美，2 为最差。</translation>
    </message>
    <message>
        <source>NLL</source>
        <translation>NLL</translation>
    </message>
    <message>
        <source>Negative log-likelihood: how surprised the model is by the right answer, on average. Confident mistakes are punished hard. Lower is better; temperature scaling minimises it on the calibration split.</source>
        <translation>负对数似然：模型对正确答案的平均“意外”程度。自信的错误会受到重罚。越低越好；温度缩放会在校准集上将其最小化。</translation>
    </message>
    <message>
        <source>AUROC</source>
        <translation>AUROC</translation>
    </message>
    <message>
        <source>How well confidence separates right from wrong answers: the chance that a random right answer has a higher confidence than a random wrong one. 0.5 is no better than a coin, 1 is perfect.</source>
        <translation>置信度区分正确与错误答案的能力：随机一个正确答案的置信度高于随机一个错误答案的概率。0.5 相当于抛硬币，1 为完美。</translation>
    </message>
    <message>
        <source>Undefined here: every prediction is right, or every one is wrong, so there is nothing to separate.</source>
        <translation>此处无定义：所有预测都正确或都错误，因此无从区分。</translation>
    </message>
    <message>
        <source>AURC</source>
        <translation>AURC</translation>
    </message>
    <message>
        <source>Area under the risk–coverage curve: the error rate when only the most confident predictions are kept, averaged over every cut-off. Lower is better: the answers the model is surest of should be the right ones.</source>
        <translation>风险–覆盖率曲线下面积：只保留置信度最高的预测时的错误率，在所有截断点上取平均。越低越好：模型最有把握的答案应当是正确的。</translation>
    </message>
    <message>
        <source>“I don&apos;t know” rate</source>
        <translation>“我不知道”比例</translation>
    </message>
    <message>
        <source>The share of predictions that chose the “I don&apos;t know” option instead of an answer. On questions that cannot be answered, that is the right choice.</source>
        <translation>选择“我不知道”而非给出答案的预测所占比例。对于无法回答的问题，这是正确的选择。</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已作答</translation>
    </message>
    <message>
        <source>How many predictions gave an answer rather than “I don&apos;t know”.</source>
        <translation>给出答案而非“我不知道”的预测数量。</translation>
    </message>
    <message>
        <source>Undefined here: the model answered no question.</source>
        <translation>此处无定义：模型没有回答任何问题。</translation>
    </message>
    <message>
        <source>Accuracy (answered)</source>
        <translation>准确率（已作答）</translation>
    </message>
    <message>
        <source>Accuracy on the predictions that gave an answer, leaving out “I don&apos;t know”.</source>
        <translation>在给出答案的预测上的准确率，不计“我不知道”。</translation>
    </message>
    <message>
        <source>ECE (answered)</source>
        <translation>ECE（已作答）</translation>
    </message>
    <message>
        <source>Expected calibration error on the predictions that gave an answer, leaving out “I don&apos;t know”. 0 is perfect.</source>
        <translation>在给出答案的预测上的期望校准误差，不计“我不知道”。0 为完美。</translation>
    </message>
    <message>
        <source>After temperature scaling.</source>
        <translation>温度缩放后。</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>缩放前</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>After</source>
        <translation>缩放后</translation>
    </message>
    <message>
        <source>In brackets: the %1 % bootstrap interval — the range the value would likely take on another sample of items like these (%2 resamples of the items, seed %3).</source>
        <translation>括号中为 %1 % 自助法区间——在另一组类似条目上该值可能落入的范围（对条目重采样 %2 次，种子 %3）。</translation>
    </message>
    <message>
        <source>Unanswered</source>
        <translation>未作答</translation>
    </message>
    <message>
        <source>Predictions in which the model gave no option letter. They are left out of every number below (the study&apos;s choice), so those numbers describe only the questions it answered.</source>
        <translation>模型没有给出任何选项字母的预测。下面的每个数字都不包括它们（研究的做法），因此这些数字只描述它回答了的问题。</translation>
    </message>
    <message>
        <source>Predictions in which the model gave no option letter. They count as wrong answers in every number below, with the confidence of the model&apos;s top option.</source>
        <translation>模型没有给出任何选项字母的预测。在下面的每个数字中它们都计为错误答案，置信度取模型最可能的选项。</translation>
    </message>
    <message>
        <source>Expected calibration error: the average gap between how confident the model is and how often it is right, weighted by how many predictions fall in each confidence bin, in percentage points: 10 points means that confidence and accuracy are, on average, 10 points of 100 apart. 0 is perfect.</source>
        <translation>期望校准误差：模型的置信度与其实际正确频率之间的平均差距，按每个置信度分箱中的预测数量加权，以百分点表示：10 个百分点表示置信度与准确率平均相差 100 中的 10。0 为完美。</translation>
    </message>
</context>
<context>
    <name>unveil::ui::ModalityView</name>
    <message>
        <source>Run analysis</source>
        <translation>运行分析</translation>
    </message>
    <message>
        <source>Make (or reuse) a run per condition and compare them (Ctrl+Enter)</source>
        <translation>为每个条件创建（或复用）一个运行并加以比较（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop after the batch in hand; the runs made so far are kept and resume next time</source>
        <translation>处理完当前批次后停止；已完成的运行会保留，下次接着进行</translation>
    </message>
    <message>
        <source>Conditions:</source>
        <translation>条件：</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Entropy</source>
        <translation>熵</translation>
    </message>
    <message>
        <source>Which per-item value the distributions show</source>
        <translation>分布图所显示的逐条目数值</translation>
    </message>
    <message>
        <source>The condition plotted against the reference</source>
        <translation>与参照对照绘制的条件</translation>
    </message>
    <message>
        <source>&lt;b&gt;Distribution of&lt;/b&gt;</source>
        <translation>&lt;b&gt;分布：&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Per item, with the image against&lt;/b&gt;</source>
        <translation>&lt;b&gt;逐条目：有图像 对比&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Open a project with a dataset and a model first.</source>
        <translation>请先打开一个包含数据集和模型的项目。</translation>
    </message>
    <message>
        <source>The project is read-only: the analysis needs to store its runs.</source>
        <translation>项目为只读：分析需要保存其运行。</translation>
    </message>
    <message>
        <source>Condition %1 of %2: %3 — %4 %5/%6 items, %7 items/s</source>
        <translation>条件 %1 / %2：%3 — %4 %5/%6 个条目，每秒 %7 个条目</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>条目数</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>ECE</source>
        <translation>ECE</translation>
    </message>
    <message>
        <source>Mean confidence</source>
        <translation>平均置信度</translation>
    </message>
    <message>
        <source>Mean entropy</source>
        <translation>平均熵</translation>
    </message>
    <message>
        <source>Right both</source>
        <translation>两者均正确</translation>
    </message>
    <message>
        <source>Wrong both</source>
        <translation>两者均错误</translation>
    </message>
    <message>
        <source>Image made right</source>
        <translation>图像使其答对</translation>
    </message>
    <message>
        <source>Image made wrong</source>
        <translation>图像使其答错</translation>
    </message>
    <message>
        <source>Wrong under this condition, right with the image</source>
        <translation>此条件下答错，有图像时答对</translation>
    </message>
    <message>
        <source>Right under this condition, wrong with the image</source>
        <translation>此条件下答对，有图像时答错</translation>
    </message>
    <message>
        <source>−Σ p ln p over the options, in nats: 0 is certain, ln K is a uniform guess</source>
        <translation>各选项上的 −Σ p ln p，单位为奈特：0 表示完全确定，ln K 表示均匀猜测</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>参照</translation>
    </message>
    <message numerus="yes">
        <source>%n condition(s) on %1 items of %2/%3 in %4 s.</source>
        <translation>
            <numerusform>%n 个条件，%2/%3 中的 %1 个条目，用时 %4 秒。</numerusform>
        </translation>
    </message>
    <message>
        <source>Entropy by condition</source>
        <translation>各条件下的熵</translation>
    </message>
    <message>
        <source>Confidence by condition</source>
        <translation>各条件下的置信度</translation>
    </message>
    <message>
        <source>This model reads no images (its card lists only text): under every condition it sees the same input. Choose a model that reads images.</source>
        <translation>该模型不读取图像（其模型卡只列出文本）：在每种条件下它看到的输入都相同。请选择一个读取图像的模型。</translation>
    </message>
    <message>
        <source>Tick at least one condition to compare with the image.</source>
        <translation>请至少勾选一个要与原始图像比较的条件。</translation>
    </message>
    <message>
        <source>Stored as “%1”</source>
        <translation>存储为“%1”</translation>
    </message>
    <message>
        <source>Entropy (0 = certain, higher = more spread)</source>
        <translation>熵（0 = 确定，越高越分散）</translation>
    </message>
</context>
<context>
    <name>unveil::ui::OverlaidReliability</name>
    <message>
        <source>Reliability, overlaid</source>
        <translation>可靠性图（叠加）</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Perfect calibration</source>
        <translation>完美校准</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: confidence %2–%3, accuracy %4 % (%5 items)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：置信度 %2–%3，准确率 %4 %（%5 个条目）</translation>
    </message>
</context>
<context>
    <name>unveil::ui::PlotView</name>
    <message>
        <source>Export as PNG…</source>
        <translation>导出为 PNG…</translation>
    </message>
    <message>
        <source>Export as SVG…</source>
        <translation>导出为 SVG…</translation>
    </message>
    <message>
        <source>Export as PDF…</source>
        <translation>导出为 PDF…</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>复制图像</translation>
    </message>
    <message>
        <source>Click to list these items; drag across bins for a range</source>
        <translation>点击以列出这些条目；跨分箱拖动可选择一个范围</translation>
    </message>
</context>
<context>
    <name>unveil::ui::PresentationWindow</name>
    <message>
        <source>Unveil — presentation</source>
        <translation>Unveil — 演示</translation>
    </message>
    <message>
        <source>%1 / %2   ·   → or Space: next   ← : back   Esc: leave</source>
        <translation>%1 / %2   ·   → 或空格：下一页   ←：上一页   Esc：退出</translation>
    </message>
</context>
<context>
    <name>unveil::ui::ProbabilityBars</name>
    <message>
        <source>%1. %2: probability %3 % among the options</source>
        <translation>%1. %2：在各选项中的概率为 %3 %</translation>
    </message>
    <message>
        <source>The model&apos;s answer (the first option letter it generated)</source>
        <translation>模型的回答（它生成的第一个选项字母）</translation>
    </message>
    <message>
        <source>The answer the dataset counts as right</source>
        <translation>数据集认定为正确的答案</translation>
    </message>
    <message>
        <source>The “I don&apos;t know” option</source>
        <translation>“我不知道”选项</translation>
    </message>
    <message>
        <source>Press Run (Ctrl+R) to see the model&apos;s answer</source>
        <translation>按“运行”（Ctrl+R）查看模型的回答</translation>
    </message>
</context>
<context>
    <name>unveil::ui::ProblemsModel</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>unveil::ui::ProblemsPanel</name>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected problems as text (Ctrl+C)</source>
        <translation>将所选问题复制为文本（Ctrl+C）</translation>
    </message>
    <message>
        <source>Copy all</source>
        <translation>全部复制</translation>
    </message>
    <message>
        <source>Copy every problem as text, one per line, to paste into a report or an issue</source>
        <translation>将所有问题复制为文本（每行一个），以便粘贴到报告或问题单中</translation>
    </message>
    <message>
        <source>No problems: every item was read</source>
        <translation>没有问题：所有条目都已读取</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) skipped</source>
        <translation>
            <numerusform>已跳过 %n 个条目</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>unveil::ui::ProjectActions</name>
    <message>
        <source>Unveil projects (*.unveil);;All files (*)</source>
        <translation>Unveil 项目 (*.unveil);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <source>Create an empty project file (*.unveil) to keep runs and datasets in (Ctrl+N)</source>
        <translation>创建一个空的项目文件（*.unveil）来保存运行和数据集（Ctrl+N）</translation>
    </message>
    <message>
        <source>Open &amp;project…</source>
        <translation>打开项目(&amp;P)…</translation>
    </message>
    <message>
        <source>Open a project file (*.unveil) and list its runs (Ctrl+Shift+P)</source>
        <translation>打开项目文件（*.unveil）并列出其中的运行（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <source>Save project &amp;as…</source>
        <translation>项目另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save a consistent copy of the project under a new name, even while it is in use, and continue on the copy (Ctrl+Shift+S)</source>
        <translation>以新名称保存项目的一致副本（即使项目正在使用），然后在副本上继续工作（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <source>Save &amp;predictions to project…</source>
        <translation>将预测保存到项目(&amp;P)…</translation>
    </message>
    <message>
        <source>Keep the opened predictions (and their calibration split) in the project as runs (Ctrl+S)</source>
        <translation>把已打开的预测（及其校准划分）作为运行保存到项目中（Ctrl+S）</translation>
    </message>
    <message>
        <source>&amp;Import dataset into project</source>
        <translation>将数据集导入项目(&amp;I)</translation>
    </message>
    <message>
        <source>Add the dataset open in the browser, with its items, to the project (Ctrl+Shift+I)</source>
        <translation>把浏览器中打开的数据集连同其条目添加到项目中（Ctrl+Shift+I）</translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation>关闭项目(&amp;C)</translation>
    </message>
    <message>
        <source>Stop working on the project; it stays on disk</source>
        <translation>停止处理此项目；项目文件仍保留在磁盘上</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Forget the recently opened files; the files stay on disk</source>
        <translation>清空最近打开的文件列表；文件本身仍保留在磁盘上</translation>
    </message>
</context>
<context>
    <name>unveil::ui::ProjectSession</name>
    <message>
        <source>Opening project %1…</source>
        <translation>正在打开项目 %1…</translation>
    </message>
    <message>
        <source>Creating project %1…</source>
        <translation>正在创建项目 %1…</translation>
    </message>
    <message>
        <source>Open or create a project first.</source>
        <translation>请先打开或创建一个项目。</translation>
    </message>
    <message>
        <source>%1 is the project already open.</source>
        <translation>%1 就是当前已打开的项目。</translation>
    </message>
    <message>
        <source>Saving a copy as %1…</source>
        <translation>正在另存副本为 %1…</translation>
    </message>
    <message>
        <source>Reading the runs…</source>
        <translation>正在读取运行…</translation>
    </message>
    <message>
        <source>Saving predictions to the project…</source>
        <translation>正在将预测保存到项目…</translation>
    </message>
    <message>
        <source>Importing the dataset into the project…</source>
        <translation>正在将数据集导入项目…</translation>
    </message>
    <message>
        <source>Reading run %1…</source>
        <translation>正在读取运行 %1…</translation>
    </message>
    <message>
        <source>%1 is read-only: calibrations cannot be changed</source>
        <translation>%1 为只读：无法更改校准</translation>
    </message>
    <message>
        <source>Reading the stored temperatures…</source>
        <translation>正在读取已保存的温度…</translation>
    </message>
    <message>
        <source>Updating the stored temperatures…</source>
        <translation>正在更新已保存的温度…</translation>
    </message>
</context>
<context>
    <name>unveil::ui::ProjectTree</name>
    <message>
        <source>No project open. File ▸ Open project… or build the demo.</source>
        <translation>未打开项目。请使用 文件 ▸ 打开项目…，或构建演示项目。</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>(no split)</source>
        <translation>（无划分）</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln 个条目</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
Splits — %2
Double-click to browse its items</source>
        <translation>%1
划分 — %2
双击以浏览其条目</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>%1
Double-click to offer it to Run now and New run</source>
        <translation>%1
双击以将其提供给“立即运行”和“新建运行”</translation>
    </message>
    <message>
        <source>%1
The model card is no longer at this path</source>
        <translation>%1
模型卡已不在此路径</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>A click on a run shows its diagrams. Double-click or press Enter: a dataset opens in the browser, a model is offered to Run now and New run</source>
        <translation>单击运行即显示其图表。双击或按 Enter：数据集在浏览器中打开，模型提供给“立即运行”和“新建运行”</translation>
    </message>
    <message numerus="yes">
        <source>Run %1: %2 · %Ln prediction(s)
Click to show its diagrams</source>
        <translation>
            <numerusform>运行 %1：%2 · %Ln 条预测
单击以显示其图表</numerusform>
        </translation>
    </message>
    <message>
        <source>acc %1 % · ECE %2</source>
        <translation>准确率 %1 % · ECE %2</translation>
    </message>
</context>
<context>
    <name>unveil::ui::PromptPicker</name>
    <message>
        <source>The study&apos;s prompt</source>
        <translation>研究使用的提示词</translation>
    </message>
    <message>
        <source>Inviting “I don&apos;t know” %1</source>
        <translation>鼓励回答“我不知道” %1</translation>
    </message>
    <message>
        <source>How the question is put to the model; “Wording” shows the words</source>
        <translation>如何向模型提问；“措辞”可显示具体文字</translation>
    </message>
    <message>
        <source>Wording</source>
        <translation>措辞</translation>
    </message>
    <message>
        <source>Show the prompt&apos;s words, to read or change them</source>
        <translation>显示提示的措辞，以便阅读或修改</translation>
    </message>
    <message>
        <source>The prompt&apos;s words: {image}, {hint}, {question} and {options} are filled in per item</source>
        <translation>提示的措辞：{image}、{hint}、{question} 和 {options} 会按每道题填入</translation>
    </message>
    <message>
        <source>Your own wording</source>
        <translation>你自己的措辞</translation>
    </message>
</context>
<context>
    <name>unveil::ui::PromptSearchChart</name>
    <message>
        <source>Best prompt per round</source>
        <translation>每轮最佳提示词</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Accuracy of the best</source>
        <translation>最佳提示词的准确率</translation>
    </message>
    <message>
        <source>Its ECE (right axis)</source>
        <translation>其 ECE（右轴）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Round %1&lt;/b&gt;&lt;br&gt;best: “%2”&lt;br&gt;accuracy %3 %, ECE %4</source>
        <translation>&lt;b&gt;第 %1 轮&lt;/b&gt;&lt;br&gt;最佳：“%2”&lt;br&gt;准确率 %3 %，ECE %4</translation>
    </message>
    <message>
        <source>ECE (percentage points)</source>
        <translation>ECE（百分点）</translation>
    </message>
</context>
<context>
    <name>unveil::ui::PromptSearchView</name>
    <message>
        <source>The seed suffixes the search starts from, separated by “;” — each replaces the prompt&apos;s closing “Answer:” cue (the study&apos;s seeds by default)</source>
        <translation>搜索起始的种子后缀，以“;”分隔——每个后缀替换提示词结尾的“Answer:”引导语（默认为论文中的种子）</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Start the search (Ctrl+Enter); each prompt is a stored run, reused when it was scored before</source>
        <translation>开始搜索（Ctrl+Enter）；每个提示词都保存为一个运行，之前评分过的会被复用</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop; the best prompts found so far are kept and stored</source>
        <translation>停止；目前找到的最佳提示词会保留并保存</translation>
    </message>
    <message>
        <source>Use the best prompt for a new run</source>
        <translation>用最佳提示词新建运行</translation>
    </message>
    <message>
        <source>Put the best prompt&apos;s template into the New run panel</source>
        <translation>将最佳提示词的模板填入“新建运行”面板</translation>
    </message>
    <message>
        <source>Searches stored in the project; choose one to see it again</source>
        <translation>项目中保存的搜索；选择一个即可重新查看</translation>
    </message>
    <message>
        <source>Prompt suffix</source>
        <translation>提示词后缀</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>ECE</source>
        <translation>ECE</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Stored:</source>
        <translation>已保存：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Top prompts&lt;/b&gt; (accuracy band, then ECE)</source>
        <translation>&lt;b&gt;最佳提示词&lt;/b&gt;（先按准确率档位，再按 ECE）</translation>
    </message>
    <message>
        <source>A seed</source>
        <translation>种子后缀</translation>
    </message>
    <message>
        <source>Made from “%1”</source>
        <translation>由“%1”生成</translation>
    </message>
    <message>
        <source>Open a project with a dataset and a model first.</source>
        <translation>请先打开一个包含数据集和模型的项目。</translation>
    </message>
    <message>
        <source>Give at least one seed suffix.</source>
        <translation>请至少给出一个种子后缀。</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Round %1 of %2: %3 of %4 prompts scored — now “%5”</source>
        <translation>第 %1 / %2 轮：已评分 %3 / %4 个提示词 — 当前为“%5”</translation>
    </message>
    <message>
        <source>The search stopped: %1</source>
        <translation>搜索已停止：%1</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %n round(s); what was found is kept.</source>
        <translation>
            <numerusform>已在 %n 轮后取消；已找到的结果会保留。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n round(s) done.</source>
        <translation>
            <numerusform>已完成 %n 轮。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 prompts scored in %2 s; search %3 is stored.</source>
        <translation>已评分 %1 个提示词，用时 %2 秒；搜索 %3 已保存。</translation>
    </message>
    <message>
        <source>Choose a stored search…</source>
        <translation>选择已保存的搜索…</translation>
    </message>
    <message>
        <source>%1 · %2/%3 · %4 · best %5 %</source>
        <translation>%1 · %2/%3 · %4 · 最佳 %5 %</translation>
    </message>
    <message>
        <source>Stored search %1 (%2): %3 prompts scored on %4/%5.</source>
        <translation>已保存的搜索 %1（%2）：在 %4/%5 上评分了 %3 个提示词。</translation>
    </message>
    <message>
        <source>Your own wordings, separated by “;” (optional)</source>
        <translation>你自己的措辞，用“;”分隔（可选）</translation>
    </message>
    <message>
        <source>Suffixes of your own, tried as variants before the built-in paraphrase bank and templates; nothing is fetched from the network</source>
        <translation>你自己的后缀，作为变体先于内置改写库和模板被尝试；不会从网络获取任何内容</translation>
    </message>
    <message>
        <source>How many of the best prompts each round keeps (the study&apos;s k: 5)</source>
        <translation>每轮保留多少个最佳提示（论文中 k = 5）</translation>
    </message>
    <message>
        <source>How many new wordings each kept prompt gives per round (the study&apos;s m: 5)</source>
        <translation>每个保留的提示每轮产生多少个新措辞（论文中 m = 5）</translation>
    </message>
    <message>
        <source>How many rounds the search runs (the study&apos;s n: 10)</source>
        <translation>搜索进行多少轮（论文中 n = 10）</translation>
    </message>
    <message>
        <source>Best kept:</source>
        <translation>保留最佳：</translation>
    </message>
    <message>
        <source>New wordings each:</source>
        <translation>每个新措辞：</translation>
    </message>
    <message>
        <source>Rounds:</source>
        <translation>轮数：</translation>
    </message>
    <message>
        <source>Start from:</source>
        <translation>起始后缀：</translation>
    </message>
    <message>
        <source>Your wordings:</source>
        <translation>你的措辞：</translation>
    </message>
</context>
<context>
    <name>unveil::ui::RecentFiles</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>预测文件</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>数据集</translation>
    </message>
</context>
<context>
    <name>unveil::ui::ReliabilityDiagram</name>
    <message>
        <source>Reliability diagram</source>
        <translation>可靠性图</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Perfect calibration</source>
        <translation>完美校准</translation>
    </message>
    <message>
        <source>Gap: over-confident</source>
        <translation>差距：过度自信</translation>
    </message>
    <message>
        <source>Gap: under-confident</source>
        <translation>差距：信心不足</translation>
    </message>
    <message>
        <source>no predictions in this bin</source>
        <translation>此分箱中没有预测</translation>
    </message>
    <message>
        <source>calibrated</source>
        <translation>已校准</translation>
    </message>
    <message>
        <source>mean confidence %1 · accuracy %2</source>
        <translation>平均置信度 %1 · 准确率 %2</translation>
    </message>
    <message>
        <source>Confidence %1</source>
        <translation>置信度 %1</translation>
    </message>
    <message>
        <source>This bin</source>
        <translation>此分箱</translation>
    </message>
    <message>
        <source>(confidence %1)</source>
        <translation>（置信度 %1）</translation>
    </message>
    <message numerus="yes">
        <source>%Ln prediction(s)</source>
        <translation>
            <numerusform>%Ln 条预测</numerusform>
        </translation>
    </message>
    <message>
        <source>95 % interval of accuracy</source>
        <translation>准确率的 95 % 区间</translation>
    </message>
    <message>
        <source>over-confident by %1</source>
        <translation>过度自信，高出 %1</translation>
    </message>
    <message>
        <source>under-confident by %1</source>
        <translation>信心不足，低了 %1</translation>
    </message>
    <message>
        <source>95 % interval of accuracy %1</source>
        <translation>准确率的 95 % 区间 %1</translation>
    </message>
</context>
<context>
    <name>unveil::ui::RiskCoveragePlot</name>
    <message>
        <source>Risk–coverage</source>
        <translation>风险–覆盖率</translation>
    </message>
    <message>
        <source>Coverage (most confident share answered)</source>
        <translation>覆盖率（回答置信度最高的部分）</translation>
    </message>
    <message>
        <source>Risk (share wrong)</source>
        <translation>风险（错误比例）</translation>
    </message>
    <message>
        <source>Risk of the answered items</source>
        <translation>已回答条目的风险</translation>
    </message>
    <message>
        <source>Answering the %1 most confident items (%2 %, confidence ≥ %3):&lt;br&gt;%4 % of them wrong</source>
        <translation>只回答置信度最高的 %1 个条目（%2 %，置信度 ≥ %3）：&lt;br&gt;其中 %4 % 答错</translation>
    </message>
    <message>
        <source>Click to list these items</source>
        <translation>点击以列出这些条目</translation>
    </message>
    <message>
        <source>All answered: %1 % wrong</source>
        <translation>全部作答时：%1 % 错误</translation>
    </message>
</context>
<context>
    <name>unveil::ui::RunItemPanel</name>
    <message>
        <source>The model to run (Models ▸ Open model… adds a model card)</source>
        <translation>要运行的模型（“模型 ▸ 打开模型…”可添加模型卡）</translation>
    </message>
    <message>
        <source>Open model…</source>
        <translation>打开模型…</translation>
    </message>
    <message>
        <source>Add a model card (JSON) to the list</source>
        <translation>将模型卡（JSON）加入列表</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Run the model on this item under the chosen condition (Ctrl+R)</source>
        <translation>在所选条件下对此条目运行模型（Ctrl+R）</translation>
    </message>
    <message>
        <source>Confidence as the study defines it: the answer letter&apos;s probability over the model&apos;s whole vocabulary at the answer step (probability mass on other tokens lowers it)</source>
        <translation>研究定义的置信度：回答字母在回答步骤上相对于模型整个词表的概率（其他词元上的概率质量会降低它）</translation>
    </message>
    <message>
        <source>Confidence renormalised over the options: the largest of the bars, i.e. softmax over the option letters&apos; logits only (what calibration metrics and temperature scaling use)</source>
        <translation>在选项上重新归一化的置信度：各条中最长的一条，即仅对选项字母的 logits 做 softmax（校准指标和温度缩放使用的就是它）</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation>提示词：</translation>
    </message>
    <message>
        <source>Model loaded in %1 ms on %2</source>
        <translation>模型已加载，用时 %1 毫秒，设备 %2</translation>
    </message>
    <message>
        <source>Could not load the model: %1</source>
        <translation>无法加载模型：%1</translation>
    </message>
    <message>
        <source>No model yet: Models ▸ Open model… adds a model card</source>
        <translation>尚无模型：“模型 ▸ 打开模型…”可添加模型卡</translation>
    </message>
    <message>
        <source>Choose an item first</source>
        <translation>请先选择一个条目</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <source>Confidence over the vocabulary: %1</source>
        <translation>词表上的置信度：%1</translation>
    </message>
    <message>
        <source>none (no answer)</source>
        <translation>无（没有回答）</translation>
    </message>
    <message>
        <source>Renormalised over the options: %1</source>
        <translation>选项上重新归一化：%1</translation>
    </message>
    <message>
        <source>Answer %1</source>
        <translation>回答 %1</translation>
    </message>
    <message>
        <source>No option letter within the model&apos;s token budget</source>
        <translation>在模型的词元预算内没有生成选项字母</translation>
    </message>
    <message>
        <source>right</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>%1 ms · %2</source>
        <translation>%1 毫秒 · %2</translation>
    </message>
    <message>
        <source>Temperature applied to the option letters&apos; logits before the softmax (1: the model&apos;s own probabilities). Changing it redraws the bars at once: the answer never changes.</source>
        <translation>在 softmax 之前作用于选项字母 logits 的温度（1：模型自身的概率）。更改后条形图会立即重绘：回答永远不会改变。</translation>
    </message>
    <message>
        <source>Entropy of the option probabilities, −Σ p ln p, in nats: 0 when one option has all the probability, ln K when all K options are equally likely</source>
        <translation>选项概率的熵，−Σ p ln p，单位为奈特：某一选项占有全部概率时为 0，K 个选项概率均等时为 ln K</translation>
    </message>
    <message>
        <source>Renormalised over the options at T = %1: %2</source>
        <translation>选项上重新归一化（T = %1）：%2</translation>
    </message>
    <message>
        <source>Entropy: %1 nats (at most %2)</source>
        <translation>熵：%1 奈特（最大 %2）</translation>
    </message>
    <message>
        <source>%1: below the server&apos;s top log-probabilities (upper bounds)</source>
        <translation>%1：低于服务器返回的最高对数概率（为上界）</translation>
    </message>
    <message>
        <source>The model wrote: “%1”</source>
        <translation>模型输出：“%1”</translation>
    </message>
</context>
<context>
    <name>unveil::ui::RunSetup</name>
    <message>
        <source>The model to run (Models ▸ Open model… adds one)</source>
        <translation>要运行的模型（“模型 ▸ 打开模型…”可添加模型）</translation>
    </message>
    <message>
        <source>A dataset of the project</source>
        <translation>项目中的数据集</translation>
    </message>
    <message>
        <source>The items to use: one split of the dataset</source>
        <translation>要使用的条目：数据集的某一划分</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>Items:</source>
        <translation>条目：</translation>
    </message>
    <message>
        <source>%1 (%2 items)</source>
        <translation>%1（%2 个条目）</translation>
    </message>
    <message>
        <source>no split</source>
        <translation>无划分</translation>
    </message>
</context>
<context>
    <name>unveil::ui::RunsPanel</name>
    <message>
        <source>Choose a run to show its reliability diagram, histogram and metrics</source>
        <translation>选择一个运行以显示其可靠性图、直方图和指标</translation>
    </message>
    <message>
        <source>No project open — File ▸ New project… or Open project…</source>
        <translation>未打开项目 — 文件 ▸ 新建项目… 或 打开项目…</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n 个运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dataset(s)</source>
        <translation>
            <numerusform>%n 个数据集</numerusform>
        </translation>
    </message>
    <message>
        <source>Read-only: nothing can be saved to this project</source>
        <translation>只读：无法向此项目保存任何内容</translation>
    </message>
</context>
<context>
    <name>unveil::ui::RunsTableModel</name>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Started %1, finished %2</source>
        <translation>开始于 %1，结束于 %2</translation>
    </message>
    <message>
        <source>No predictions to measure yet</source>
        <translation>尚无可度量的预测</translation>
    </message>
    <message>
        <source>(imported)</source>
        <translation>（导入）</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>划分</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>ECE</source>
        <translation>ECE</translation>
    </message>
    <message>
        <source>How the images were given: with the image, without it, blank, perturbed, or imported from a predictions file</source>
        <translation>图像的给出方式：带图像、不带图像、空白、扰动，或从预测文件导入</translation>
    </message>
    <message>
        <source>Number of predictions in the run</source>
        <translation>运行中的预测数量</translation>
    </message>
    <message>
        <source>Share of items whose most likely option is the right one</source>
        <translation>最可能的选项即为正确答案的条目比例</translation>
    </message>
    <message>
        <source>Expected calibration error: the average gap between confidence and accuracy, over 10 equal-width bins (0 = perfectly calibrated)</source>
        <translation>期望校准误差：在 10 个等宽分箱上置信度与准确率之间的平均差距（0 = 完美校准）</translation>
    </message>
    <message>
        <source>%1 of %2 items · %3</source>
        <translation>%2 个条目中的 %1 个 · %3</translation>
    </message>
    <message>
        <source>Split “%1”</source>
        <translation>划分“%1”</translation>
    </message>
    <message>
        <source>Condition “%1”</source>
        <translation>条件“%1”</translation>
    </message>
    <message>
        <source>Stored as “%1”</source>
        <translation>保存的名称为“%1”</translation>
    </message>
</context>
<context>
    <name>unveil::ui::SavePredictionsDialog</name>
    <message>
        <source>Save predictions to project</source>
        <translation>将预测保存到项目</translation>
    </message>
    <message>
        <source>The dataset the predictions belong to. An existing dataset of the project must hold every prediction id; a new name creates a dataset from the ids.</source>
        <translation>预测所属的数据集。若是项目中已有的数据集，它必须包含每个预测 ID；新名称会根据这些 ID 创建数据集。</translation>
    </message>
    <message>
        <source>A name for the run, e.g. the model and the prompt</source>
        <translation>运行的名称，例如模型和提示词</translation>
    </message>
    <message>
        <source>&amp;Dataset:</source>
        <translation>数据集(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Run:</source>
        <translation>运行(&amp;R)：</translation>
    </message>
    <message>
        <source>%1 (calibration)</source>
        <translation>%1（校准）</translation>
    </message>
    <message>
        <source>The calibration split is saved too, as the run “%1”.</source>
        <translation>校准划分也会一并保存，作为运行“%1”。</translation>
    </message>
    <message>
        <source>run</source>
        <translation>运行</translation>
    </message>
</context>
<context>
    <name>unveil::ui::ServerModelDialog</name>
    <message>
        <source>Add server model</source>
        <translation>添加服务器模型</translation>
    </message>
    <message>
        <source>The server&apos;s OpenAI-compatible API root, ending in /v1 (vLLM, SGLang, llama.cpp&apos;s llama-server, unveil-cli serve)</source>
        <translation>服务器兼容 OpenAI 的 API 根地址，以 /v1 结尾（vLLM、SGLang、llama.cpp 的 llama-server、unveil-cli serve）</translation>
    </message>
    <message>
        <source>The server&apos;s model id, as GET /v1/models lists it</source>
        <translation>服务器上的模型 ID，与 GET /v1/models 所列一致</translation>
    </message>
    <message>
        <source>&amp;List models</source>
        <translation>列出模型(&amp;L)</translation>
    </message>
    <message>
        <source>Ask the server which models it serves</source>
        <translation>询问服务器提供哪些模型</translation>
    </message>
    <message>
        <source>the model id</source>
        <translation>模型 ID</translation>
    </message>
    <message>
        <source>The name runs and reports show</source>
        <translation>运行和报告中显示的名称</translation>
    </message>
    <message>
        <source>The environment variable that holds the API key, if the server wants one. The key itself is never written to a card, a project or a report.</source>
        <translation>保存 API 密钥的环境变量（如果服务器需要密钥）。密钥本身从不写入模型卡、项目或报告。</translation>
    </message>
    <message>
        <source>Requests in flight at once</source>
        <translation>同时进行的请求数</translation>
    </message>
    <message>
        <source>Alternatives asked for at each generated token. An option letter outside them gets an upper bound and is flagged. OpenAI allows 20; vLLM up to its --max-logprobs.</source>
        <translation>每个生成词元请求返回的候选数。不在其中的选项字母取上界并加以标记。OpenAI 允许 20；vLLM 最多为其 --max-logprobs。</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>服务器 URL(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>API &amp;key variable:</source>
        <translation>API 密钥变量(&amp;K)：</translation>
    </message>
    <message>
        <source>Requests in &amp;flight:</source>
        <translation>并发请求(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Top log-probabilities:</source>
        <translation>最高对数概率数(&amp;T)：</translation>
    </message>
    <message>
        <source>The test scores one question with two options through the server.</source>
        <translation>测试会通过服务器为一道有两个选项的问题打分。</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Score one question through the server and show its answer</source>
        <translation>通过服务器为一道问题打分并显示其回答</translation>
    </message>
    <message>
        <source>Give the server&apos;s URL and the model&apos;s id.</source>
        <translation>请填写服务器的 URL 和模型 ID。</translation>
    </message>
    <message>
        <source>Asking %1 for its models…</source>
        <translation>正在向 %1 询问其模型…</translation>
    </message>
    <message numerus="yes">
        <source>The server lists %n models.</source>
        <translation>
            <numerusform>服务器列出了 %n 个模型。</numerusform>
        </translation>
    </message>
    <message>
        <source>Scoring one question through %1…</source>
        <translation>正在通过 %1 为一道问题打分…</translation>
    </message>
    <message>
        <source>The test failed: %1</source>
        <translation>测试失败：%1</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>unveil::ui::SessionLog</name>
    <message>
        <source>Session log</source>
        <translation>会话日志</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save the session log</source>
        <translation>保存会话日志</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>文本 (*.txt)</translation>
    </message>
</context>
<context>
    <name>unveil::ui::SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>The language of the interface. System takes the desktop&apos;s language when Unveil has it, English otherwise. Unveil changes language at its next start.</source>
        <translation>界面语言。“跟随系统”使用桌面的语言（Unveil 支持该语言时），否则使用英语。语言在 Unveil 下次启动时更改。</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Light or dark windows and plots. System follows the desktop&apos;s choice, also when it changes while Unveil runs; Light and Dark keep to one.</source>
        <translation>窗口和图表使用浅色或深色外观。“跟随系统”依照桌面的设置，Unveil 运行期间桌面切换时也随之改变；“浅色”和“深色”则固定不变。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>How many confidence bins the reliability diagram and ECE use (the study uses 10). The tool bar changes it too; the last choice is kept.</source>
        <translation>可靠性图和 ECE 使用的置信度分箱数（论文中为 10）。工具栏也可以修改它，并保留最后一次的选择。</translation>
    </message>
    <message>
        <source>Equal width</source>
        <translation>等宽</translation>
    </message>
    <message>
        <source>Equal mass</source>
        <translation>等量</translation>
    </message>
    <message>
        <source>Equal width: every bin covers the same confidence range. Equal mass: every bin holds the same number of predictions, so no bin is nearly empty.</source>
        <translation>等宽：每个分箱覆盖相同的置信度区间。等量：每个分箱包含相同数量的预测，因此不会出现几乎为空的分箱。</translation>
    </message>
    <message>
        <source>How many times the items are resampled for the 95 % intervals of the metrics panel. More resamples give steadier intervals and take longer on large runs.</source>
        <translation>为计算指标面板中的 95 % 区间而对条目重采样的次数。次数越多，区间越稳定，但在大型运行上耗时越长。</translation>
    </message>
    <message>
        <source>&amp;Bins:</source>
        <translation>分箱数(&amp;B)：</translation>
    </message>
    <message>
        <source>Bi&amp;nning:</source>
        <translation>分箱方式(&amp;N)：</translation>
    </message>
    <message>
        <source>Bootstrap &amp;resamples:</source>
        <translation>自助法重采样次数(&amp;R)：</translation>
    </message>
    <message>
        <source>New runs</source>
        <translation>新建运行</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>Where models run: Automatic takes the GPU when this build of libtorch has CUDA and a GPU is present. Used by the New run panel, and by Run now for models loaded from now on.</source>
        <translation>模型在哪里运行：“自动”在此 libtorch 构建支持 CUDA 且存在 GPU 时使用 GPU。用于“新建运行”面板，以及“立即运行”中此后加载的模型。</translation>
    </message>
    <message>
        <source>Items a batch run sends through the model at once. Larger batches are faster on a GPU and need more memory.</source>
        <translation>批量运行时一次送入模型的条目数。批次越大，在 GPU 上越快，但需要更多内存。</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>设备(&amp;D)：</translation>
    </message>
    <message>
        <source>Batch si&amp;ze:</source>
        <translation>批大小(&amp;Z)：</translation>
    </message>
    <message>
        <source>Put the default of every setting in the fields; OK saves them</source>
        <translation>在各字段中填入每项设置的默认值；按“确定”保存</translation>
    </message>
    <message>
        <source>Save and apply the settings</source>
        <translation>保存并应用设置</translation>
    </message>
    <message>
        <source>Close without changing anything</source>
        <translation>关闭，不做任何更改</translation>
    </message>
    <message>
        <source>UNVEIL_LANG=%1 is set in the environment and comes first.</source>
        <translation>环境变量 UNVEIL_LANG=%1 已设置，优先于此设置。</translation>
    </message>
    <message>
        <source>Takes effect at the next start.</source>
        <translation>下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>unveil::ui::StoredRunBars</name>
    <message>
        <source>The shown run did not answer this item</source>
        <translation>当前显示的运行没有回答此条目</translation>
    </message>
    <message>
        <source>Another run of the project on this dataset, to see its answer to the same item beside the shown run&apos;s (a model before and after fine-tuning, with and without the image…)</source>
        <translation>项目中基于此数据集的另一个运行，用于将它对同一条目的回答与当前运行的回答并列查看（例如微调前后的模型、有无图像…）</translation>
    </message>
    <message>
        <source>Choose a run to compare with</source>
        <translation>选择一个用于比较的运行</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>比较对象：</translation>
    </message>
    <message>
        <source>No second run</source>
        <translation>无第二个运行</translation>
    </message>
    <message>
        <source>Run %1 · %2</source>
        <translation>运行 %1 · %2</translation>
    </message>
    <message>
        <source>Reading the run…</source>
        <translation>正在读取运行…</translation>
    </message>
    <message>
        <source>That run did not answer this item</source>
        <translation>该运行没有回答此条目</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stored answer&lt;/b&gt; of %1</source>
        <translation>%1 的&lt;b&gt;已保存回答&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stored answer&lt;/b&gt; — show a run of this dataset to see it</source>
        <translation>&lt;b&gt;已保存的回答&lt;/b&gt; — 显示此数据集的一个运行即可查看</translation>
    </message>
    <message>
        <source>right</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Answer %1 · %2 · confidence %3, as the model gave it</source>
        <translation>回答 %1 · %2 · 置信度 %3（模型给出的原值）</translation>
    </message>
    <message>
        <source>Confidence %1 % before any temperature scaling. Entropy of the option probabilities: %2 nats (0 when all the probability is on one option).</source>
        <translation>未经温度缩放的置信度为 %1 %。各选项概率的熵：%2 奈特（全部概率集中在一个选项上时为 0）。</translation>
    </message>
</context>
<context>
    <name>unveil::ui::WorkspaceView</name>
    <message numerus="yes">
        <source>%n equal-width bin(s)</source>
        <translation>
            <numerusform>%n 个等宽分箱</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n equal-mass bin(s)</source>
        <translation>
            <numerusform>%n 个等量分箱</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 predictions</source>
        <translation>%1 条预测</translation>
    </message>
    <message>
        <source>Before scaling</source>
        <translation>缩放前</translation>
    </message>
    <message>
        <source>After scaling (T = %1)</source>
        <translation>缩放后（T = %1）</translation>
    </message>
    <message>
        <source>Synthetic example (not a real model)</source>
        <translation>合成示例（并非真实模型）</translation>
    </message>
    <message>
        <source>These predictions were generated by scripts/make_example_predictions.py: an over-confident five-option classifier with an “I don&apos;t know” option. They show what the workbench does; they say nothing about any real model.</source>
        <translation>这些预测由 scripts/make_example_predictions.py 生成：一个带有“我不知道”选项的、过度自信的五选项分类器。它们用于展示本工作台的功能，不代表任何真实模型。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln invalid line(s) skipped</source>
        <translation>
            <numerusform>已跳过 %Ln 个无效行</numerusform>
        </translation>
    </message>
    <message>
        <source>Confidence histogram</source>
        <translation>置信度直方图</translation>
    </message>
    <message>
        <source>Risk–coverage</source>
        <translation>风险–覆盖率</translation>
    </message>
    <message>
        <source>How many predictions fall at each confidence</source>
        <translation>各置信度上的预测数量</translation>
    </message>
    <message>
        <source>How often the answers are wrong when only the most confident share is answered</source>
        <translation>只回答置信度最高的部分时，答案出错的频率</translation>
    </message>
    <message>
        <source>AURC %1</source>
        <translation>AURC %1</translation>
    </message>
    <message>
        <source>the study&apos;s recipe</source>
        <translation>论文的计算方案</translation>
    </message>
    <message>
        <source>partial run: %1</source>
        <translation>不完整的运行：%1</translation>
    </message>
    <message>
        <source>%1 of %2 predictions (unanswered left out)</source>
        <translation>%2 条预测中的 %1 条（未作答的不计入）</translation>
    </message>
    <message>
        <source>How sure the model says it is on average (mean confidence) against how often it is right (accuracy), from the metrics panel. A well-calibrated model&apos;s two numbers agree; ECE averages the same gap bin by bin.</source>
        <translation>模型平均自称的把握（平均置信度）与它实际答对的频率（准确率）之比较，数值取自指标面板。校准良好的模型这两个数相互一致；ECE 则逐个分箱平均同一差距。</translation>
    </message>
</context>
</TS>
