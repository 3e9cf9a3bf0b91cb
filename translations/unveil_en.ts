<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CalibrationVerdict</name>
    <message>
        <source>over-confident by %1 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>under-confident by %1 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the two agree within a point on average (the diagram shows where single bins part)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On average it is %1 sure and right %2 of the time: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After scaling (T = %1): %2 sure and right %3: %4.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareSummary</name>
    <message>
        <source>mean confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worst-bin calibration error (MCE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RMS calibration error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adaptive calibration error (ACE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brier score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NLL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>telling right from wrong (AUROC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>risk–coverage (AURC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“I don&apos;t know” rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy on answered questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calibration error on answered questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is right more often than %2: %3 of the time against %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is right less often than %2: %3 of the time against %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 and %2 are right about as often (%3 and %4): the difference is within what chance gives on %n question(s).</source>
        <translation>
            <numerusform>%1 and %2 are right about as often (%3 and %4): the difference is within what chance gives on %n question.</numerusform>
            <numerusform>%1 and %2 are right about as often (%3 and %4): the difference is within what chance gives on %n questions.</numerusform>
        </translation>
    </message>
    <message>
        <source>Its confidence can be trusted more: its calibration error is %1 against %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its confidence can be trusted less: its calibration error is %1 against %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their confidence is about as trustworthy (calibration errors %1 and %2): the difference is within chance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also clearly better for %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RMSCE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUROC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AURC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IDK rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy on answered items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECE on answered items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is undefined for run %2 or run %3 on the shared items (every item right or every item wrong): no comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of run %2 differs from run %3 by %4 (no interval: the metric was undefined in every bootstrap replicate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a significant difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run %1 is better (higher)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run %1 is better (lower)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run %1 is better (run %2 is higher)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run %1 is better (run %2 is lower)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a significant difference: run %1 is higher (neither direction is better in itself)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a significant difference: run %1 is lower (neither direction is better in itself)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (run %2)</source>
        <extracomment>A model and its run, e.g. &quot;shapes-mm (run 5)&quot;; %1 is the model&apos;s name in bold</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>One sentence after another in a paragraph; the space between them is the language&apos;s</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of run %2 differs from run %3 by %4 (%5 % interval %6 to %7)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <source>%1:%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot open: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1 at column %2, found %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the end of the line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{&apos; (each line must be one JSON object)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a key in quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;:&apos; after key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;:&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;,&apos; or &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;,&apos; or &apos;]&apos; in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the end of the line after the object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a digit after &apos;.&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a digit in the exponent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array of numbers for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string or a number for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array of letters for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a letter in quotes in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unterminated string starting before column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>control character in a string at column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid UTF-8 in a string at column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unpaired surrogate in a \u escape before column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid escape &apos;%1&apos; at column %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed escape in a string before column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON nested too deeply at column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is NaN; only finite numbers are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2Infinity; only finite numbers are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is null; a number is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) is out of the range of a double; only finite numbers are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2; a whole number is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key %1 appears twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>both &quot;logits&quot; and &quot;probs&quot; are given (or one twice); give exactly one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has more than 26 values; at most 26 options (A-Z) are supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has more than %2 values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 is not an option letter (A-Z) or an index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2; use -1 or null for none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must list option letters; found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 names the letter %2 twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no &quot;logits&quot; or &quot;probs&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 value(s); at least 2 options are needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 values; at most 26 options (A-Z) are supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value %1 of %2 is %3; probabilities must lie in [0, 1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all values of %1 are 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 names %2 letters but %3 has %4 values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no &quot;label&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 is not among the options %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>label %1 is out of range for %2 options (0-%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>label %1 is out of range for %2 options (0-%3, or A-%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idk_index %1 is out of range for %2 options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer %1 is out of range for %2 options (null: the model gave no option letter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;answer_only&quot; needs &quot;answer&quot; (an option, or null for none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;conf_vocab&quot; is %1; a probability in [0, 1] is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;vocab_logits&quot; has %1 values, fewer than the %2 options (it holds the whole vocabulary&apos;s logits of the answer step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;vocab_logits&quot; needs &quot;logits&quot; (the option letters&apos; raw logits of the same step), not &quot;probs&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (id %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the file is empty; expected a JSON list of items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: lists and objects nested deeper than %2 levels at %3; expected a JSON list of items, each an object a few levels deep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: malformed JSON at %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected a JSON list of items, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object with keys %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an object, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &quot;conversations&quot; with a human turn and an answer turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each turn of &quot;conversations&quot; needs a string &quot;value&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no options found in the question (expected lines such as &quot;A. ...&quot;, &quot;(B) ...&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate id %1 (first used by item %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image file not found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty image path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image path %1 leaves the dataset folder %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image path %1 is a link to a file outside the dataset folder (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the embedded image of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image cannot be decoded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the file is empty; expected a header row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: line 1: the header has no %2 column (found: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1 tab-separated fields, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>option %1 is given but an earlier option is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fewer than two options are given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image is not valid base64: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image refers to index %1, which has no image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lists and objects nested deeper than %1 levels at column %2; expected one JSON object a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an object with &quot;question_id&quot; and &quot;answer&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a JSON object, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no &quot;question_id&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no &quot;text&quot; (the question with its options)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no options found in &quot;text&quot; (expected lines such as &quot;A. ...&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer for question_id %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer %1 names option letter %2, which is not one of the options (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no option letter (%1) found in the answer %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer %1 names several options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: nested deeper than %2 levels (at byte %3); a model card nests a few</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the key &quot;%2&quot; appears twice (JSON keeps only one of them: give it once)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: malformed JSON: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot open the model card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot read the model card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a model card must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: field &quot;%2&quot;: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing (a string is required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a string, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a list such as [&quot;image&quot;, &quot;text&quot;]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown modality %1 (expected &quot;image&quot; or &quot;text&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must include &quot;text&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a card must not hold a key (cards are copied into projects and reports): put the key in an environment variable and name it in &quot;api_key_env&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not used by the &quot;openai&quot; backend (the server holds the model, its tokenizer and its image processing): leave it out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a URL such as &quot;http://gpu-box:8000/v1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the scheme must be http or https; found &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the URL has no host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the URL holds a space or a control character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the URL must end at the API&apos;s root (e.g. &quot;/v1&quot;), without a query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty (the server&apos;s model id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected the name of an environment variable (capitals, digits and _, e.g. &quot;UNVEIL_API_KEY&quot;), not the key itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a whole number from %1 to %2, found %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a whole number from 1 to 1000 (OpenAI allows 20; vLLM up to its --max-logprobs), found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected seconds from 0.1 to 3600, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &quot;png&quot; or &quot;jpeg&quot;; found &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty (leave the field out for the study&apos;s template, or give one with {question} and {options})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &quot;torchscript&quot; (a model file of the contract) or &quot;openai&quot; (an OpenAI-compatible server); found &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty (the TorchScript file, e.g. &quot;model.pt&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; lies outside the card&apos;s folder %2 (the TorchScript file must be in that folder or below it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; names the card&apos;s folder, not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing (a list such as [&quot;image&quot;, &quot;text&quot;])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing (size, resize, mean, std, channel_order) for an image model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whole numbers from 1 to 4096 are required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected stretch, letterbox or crop; found &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected RGB or BGR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected three numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected three finite numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing ({&quot;type&quot;: &quot;wordlevel&quot;, &quot;vocab&quot;: &quot;vocab.json&quot;} or {&quot;type&quot;: &quot;sentencepiece&quot;, &quot;model&quot;: &quot;tokenizer.model&quot;})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sentencepiece: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected true or false, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &quot;wordlevel&quot; or &quot;sentencepiece&quot;; found &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a file name, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing (the vocabulary file, e.g. &quot;vocab.json&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing (the SentencePiece model file, e.g. &quot;tokenizer.model&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing (e.g. {&quot;A&quot;: 12, &quot;B&quot;: 13, ...})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keys must be letters A-Z; found &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the id of &quot;%1&quot; must be a non-negative integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a non-negative whole number, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no such project file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not an Unveil project (it is a folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not an Unveil project (the file is empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not an Unveil project (the file is not an SQLite database)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the project file is truncated (%2 bytes, the header promises %3); it cannot be opened safely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: written by a newer version of Unveil (project format %2; this build reads up to %3); it was not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not an Unveil project (an SQLite database with other tables)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: an older project format (%2) that must be upgraded, but the file is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is read-only: it was opened for reading, and nothing can be saved to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the project is locked by another program that is writing to it; try again when it has finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the project file is damaged (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot read the changes its log (%1-wal) holds: the folder is read-only, and a private copy to read them from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not be made (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not be written (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not be read (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a dataset named &quot;%1&quot; is already in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no run %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no prompt search %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no predictions to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no prediction is left to import: all %1 were skipped (the first: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: prediction id &quot;%2&quot; appears twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot write the copy of the project (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its temporary file was replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: run %2, item id %3: a prediction with NaN values cannot be stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 bytes, above the limit of %3 bytes for an encoded image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3 pixels (%4), above the limit of %5 pixels; not decoded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: GIF of %2 pixels: this build&apos;s OpenCV has no GIF decoder; expected PNG, JPEG, BMP or WebP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: corrupt or truncated %2 (%3 pixels): the decoder rejected it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 decoded to %3 pixels, above the limit of %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: corrupt or unsupported %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: out of memory decoding %2 of %3 pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot read its size: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 bytes, above the limit of %3 bytes for an image file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot open for reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: read %2 of %3 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected an image path, found an empty one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected a path relative to the dataset root, found an absolute path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the path leaves the dataset root %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the image is a link to a file outside the dataset root %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>embedded image: %1 bytes, above the limit of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an image, found none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: corrupt or truncated %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: empty (0 bytes), expected an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unknown image format: expected PNG, JPEG, BMP, GIF or WebP, found bytes %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot read the model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown device &quot;%1&quot; (expected cpu, cuda or auto)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device cuda was asked for, but this libtorch has no CUDA or no GPU is present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not a loadable TorchScript model (damaged, truncated, or another format): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the card gives option %2 the token id %3, beyond the vocabulary of %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: forward(pixel_values, input_ids) must return a Tensor[B, V] of next-token logits; it returned %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: forward must return float logits of shape [1, %2] for one item (the vocabulary&apos;s size); it returned %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: forward(pixel_values: Tensor[B,3,H,W] float32, input_ids: Tensor[B,T] int64) failed on a dry run: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: inference failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the model %2 has no token for option %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not an endpoint card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the environment variable %2 named in &quot;api_key_env&quot; is not set (export %2=&lt;your key&gt; before starting Unveil)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not start an HTTP client (libcurl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server at %1 cannot be reached (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server at %1 did not answer (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server answered HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the request (HTTP %2); the card names no key: add &quot;api_key_env&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the request (HTTP %2); check the key in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/chat/completions: HTTP %2; check &quot;base_url&quot; (it ends at the API root, e.g. /v1) and that the server serves the model &quot;%3&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/models: HTTP %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no dataset named &quot;%1&quot; in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dataset &quot;%1&quot; has no items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dataset &quot;%1&quot; has no items in split &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the prompt template: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run %1 cannot be resumed with these settings: its %2 differs (resuming would mix two models&apos; or settings&apos; answers in one run; start a new run instead)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run %1 cannot be resumed with these settings: its %2 differ (resuming would mix two models&apos; or settings&apos; answers in one run; start a new run instead)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (run %2 keeps its %3 stored predictions and can be resumed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run %1 has no predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the runs share %1 item(s); a comparison needs at least %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dataset &quot;%1&quot; has no split &quot;%2&quot; (its splits: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no &quot;I don&apos;t know&quot; items: none of its %2 items has its &quot;I don&apos;t know&quot; option as the right answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dataset &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>split &quot;%1&quot; of dataset &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatasetLoading</name>
    <message>
        <source>%1: no such file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: holds no items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: could not be read (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemImage</name>
    <message>
        <source>No image: the model is given the text alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item has no image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image could not be shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlotExport</name>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PredictionLoading</name>
    <message>
        <source>%1: cannot be opened (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: holds no predictions (expected one JSON object per line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: could not be read (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectJobs</name>
    <message numerus="yes">
        <source>%1: %n run(s)</source>
        <translation>
            <numerusform>%1: %n run</numerusform>
            <numerusform>%1: %n runs</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: cannot replace the existing file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved a copy as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n item(s) of %1 into the project</source>
        <translation>
            <numerusform>Imported %n item of %1 into the project</numerusform>
            <numerusform>Imported %n items of %1 into the project</numerusform>
        </translation>
    </message>
    <message>
        <source>Run %1 (%2) has no predictions yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no dataset named “%2”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The model gave %1 outputs for one item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model failed on item %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the model %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not make a temporary folder for the test card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the test card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no option letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered %1 in %2 ms (A %3 %, B %4 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>letters %1 were not among the top log-probabilities (bounds)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadingGuide</name>
    <message>
        <source>Reading the diagrams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sentence above the diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It says the two numbers that matter most: how sure the model says it is, on average, and how often it is right. &lt;i&gt;“On average it is 95.8 % sure and right 85.7 % of the time: over-confident by 10.1 points”&lt;/i&gt; means that its answers sound more certain than they are. A model you can trust says 85 % when it is right 85 % of the time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reliability diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answers are grouped by how sure the model was (the bottom axis: 0.6 means 60 % sure). Each &lt;b&gt;blue bar&lt;/b&gt; is how often the answers in its group were right. If the model&apos;s confidence could be taken at its word, every bar would reach the &lt;b&gt;dashed diagonal&lt;/b&gt;. An &lt;b&gt;orange box&lt;/b&gt; on top of a bar is confidence the model claimed but did not deliver (over-confidence); a &lt;b&gt;pink box&lt;/b&gt; is the opposite (it was right more often than it said). The &lt;b&gt;whiskers&lt;/b&gt; show the range the bar could take on another sample of questions like these: a group with few answers has long whiskers, and its bar says little. The &lt;b&gt;strip below&lt;/b&gt; counts the answers in each group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An over-confident model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made-up answers: the bars fall short of the diagonal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A model whose confidence can be trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made-up answers: the bars follow the diagonal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature scaling: before and after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature scaling divides the model&apos;s scores by one number, T, fitted on separate calibration questions. T above 1 makes an over-confident model less sure of itself; it never changes which answer the model gives, so the accuracy stays the same. The &lt;b&gt;green curve&lt;/b&gt; is the accuracy of each group after scaling, at the new confidence: the closer it follows the diagonal, the more the scaled confidence can be trusted. Scaling fitted on one kind of question may not hold on another: the window says which questions a temperature was fitted on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The over-confident model, scaled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made-up answers: the green curve is after scaling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before scaling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After scaling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The confidence histogram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many answers were given at each confidence. The &lt;b&gt;dashed line&lt;/b&gt; is how often the model was right overall, the &lt;b&gt;solid line&lt;/b&gt; how sure it was on average: when the solid line stands to the right of the dashed one, the model is over-confident. A pile of answers at the far right means the model almost always says it is certain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The over-confident model&apos;s answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made-up answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk and coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you let the model answer only when it is sure enough and pass the rest to a person, how many of its answers would be wrong? The curve answers that for every threshold: &lt;b&gt;coverage&lt;/b&gt; is the share of questions the model keeps, &lt;b&gt;risk&lt;/b&gt; the share of those it gets wrong. A useful confidence makes the curve fall towards the left; a flat curve means that its confidence does not tell right answers from wrong ones. The dashed line is the error rate when it answers everything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Accuracy&lt;/b&gt; and &lt;b&gt;mean confidence&lt;/b&gt; are in percent. The &lt;b&gt;calibration errors&lt;/b&gt; (ECE and its relatives) are in percentage points: ECE 10.5 pts means that, weighing each group by its size, confidence and accuracy are 10.5 points apart on average; 0 is perfect. The numbers in brackets are 95 % intervals: another sample of questions like these would likely give a value in that range. Two models whose intervals overlap widely may not really differ. Hover over any number for what it means.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunNames</name>
    <message>
        <source>with the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blank image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>noise σ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blur %1 px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % covered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>greyscale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JPEG quality %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calibration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unanswerable (IDK)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunsAnalysis</name>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not run the analysis: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled. The runs made so far are kept; the next run resumes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShownNumbers</name>
    <message>
        <source>%1 pts</source>
        <extracomment>A calibration error in percentage points, e.g. &quot;10.5 pts&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&gt; %1 %</source>
        <extracomment>A confidence just below certainty, e.g. &quot;&gt; 99.9 %&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; %1 %</source>
        <extracomment>A confidence just above zero, e.g. &quot;&lt; 0.1 %&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1 to %2)</source>
        <extracomment>An interval whose ends may be negative, e.g. &quot;(-6.3 to -2.1)&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui</name>
    <message>
        <source>The presentation tells the demo project&apos;s story: open the demo project (File ▸ Open demo project) to present it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can we trust what a model says about itself?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A model that answers “90 % sure” should be right 9 times out of 10. The reliability diagram checks this: the answers are grouped by the confidence the model gave, and each bar shows how often those answers were right. On the dashed diagonal, confidence and accuracy agree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A text-only model: modest, and honest about it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base model is right %1 of the time and says it is %2 sure on average: its bars sit close to the diagonal (calibration error %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shapes-base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine-tuned on images: more accurate, and over-confident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After visual fine-tuning the model is right %1 of the time — but it claims %2. The orange gaps are the confidence it claims beyond what it delivers (calibration error %3). A confident answer is no longer a reliable one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shapes-mm-ft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions it cannot know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature scaling brings its confidence back to earth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before scaling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After scaling (T = %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to take away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy alone does not say when to trust a model. Check its calibration on your own questions, include questions it cannot know, and calibrate before its confidence is used to decide anything. Unveil does each step on any model of its contract.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked %1 questions that no one could answer from the picture, the model says “I don&apos;t know” to %2 of them. It answers the other %3 anyway, %4 sure on average. The histogram shows how sure it was on each of those %3 answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the green curve follows the diagonal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the green curve now runs above the diagonal: scaled, the model is a little under-confident (by %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the green curve comes closer to the diagonal but stays below it: scaled, the model is still over-confident (by %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One number, fitted on separate calibration questions (T = %1), softens every confidence without changing a single answer. The calibration error drops from %2 to %3; %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One number, fitted on separate calibration questions (T = %1), changes every confidence without changing a single answer. The calibration error goes from %2 to %3; %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::AnalysesPage</name>
    <message>
        <source>Compare runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two to four runs on the same items: diagrams side by side, metrics with intervals and whether each difference is significant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text vs image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One model on the same items with the image, without it and with a perturbed image: how accuracy, confidence and entropy move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I don&apos;t know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On questions the model cannot know: how often it admits it, and how the prompt&apos;s wording changes that</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The study&apos;s iterative prompt optimisation: prompt wordings scored by accuracy, then ECE</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::App</name>
    <message>
        <source>A workbench for the calibration of multimodal language models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predictions JSONL to open (default: the synthetic example).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calibration split to fit a temperature on (fitted at once).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render the window offscreen once everything is computed, save it as FILE (PNG) and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window size for --screenshot (default 1400x900).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of bins (2–50).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binning: width or mass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User interface language, e.g. zh_CN or en (default: the system&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project to open (its newest run is shown unless predictions are given).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset to browse: LLaVA JSON, LLaVA questions JSONL or MMBench TSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model card (JSON) to run items with; with --view item the screenshot shows its answer to the chosen item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the demo project, building it first when it is not there (what the first launch does).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder of the demo project (default: in the application data).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training items of the demo&apos;s shapes world (default 6000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs of every demo training stage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look: system, light or dark (default: as set in Preferences; light for --screenshot).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View for --screenshot: calibration (default), browser, item, runs, problems or compare (the project&apos;s test runs compared).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milliseconds --screenshot waits with nothing moving before it gives up.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::BatchRun</name>
    <message>
        <source>Run %1 is complete: there is nothing to resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 was imported: there is nothing to resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 names no model: it cannot be resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model of run %1 is no longer in the project</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::BatchRunPanel</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a model card (JSON) to the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A dataset of the open project (File ▸ Open dataset… adds one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The items the run predicts: one split, or all items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the model sees of each image: the original, none (text only), a blank one, or a perturbation (seeded per item, so a rerun sees the same)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic takes the GPU when this build of libtorch has CUDA and a GPU is present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items sent through the model at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after the batch in hand; what is stored stays, and Resume continues it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All items (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue run %1 (“%2”) where it stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a cancelled or interrupted run in the runs panel to continue it where it stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or create a project to run a model over a dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project is read-only: runs cannot be stored in it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a dataset to the project first (File ▸ Open dataset…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project that can be written to first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model and a dataset first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming run %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling after the batch in hand…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 items/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run could not go on: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 cancelled after %2 new predictions; Resume continues it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 finished: %2 predictions in %3 on %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) skipped</source>
        <translation>
            <numerusform>%n item skipped</numerusform>
            <numerusform>%n items skipped</numerusform>
        </translation>
    </message>
    <message>
        <source>The model to run (Models ▸ Open model… adds a model card)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the model over the chosen items into the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a model card first (Models ▸ Open model…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n retries</source>
        <translation>
            <numerusform>%n retry</numerusform>
            <numerusform>%n retries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n errors</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>unveil::ui::BinningControls</name>
    <message>
        <source>How many confidence bins the reliability diagram and ECE use (the study uses 10). More bins show more detail but hold fewer predictions each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bins:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equal width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equal mass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bins of equal confidence range (0–0.1, 0.1–0.2, …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bins holding equal numbers of predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equal width: every bin covers the same confidence range. Equal mass: every bin holds the same number of predictions, so no bin is nearly empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bi&amp;nning:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Among the options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over the vocabulary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer&apos;s probability among the option letters only (Unveil&apos;s default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer letter&apos;s probability over everything the model could have written, as the study measures it; the temperature is then fitted as the study does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which probability counts as the model&apos;s confidence. Among the options: the answer&apos;s share of the probability given to the option letters. Over the vocabulary: the answer&apos;s probability over every word the model could have written next, which is lower when the model also considered writing something else. Predictions files that hold only option scores support the first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;onfidence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bins, binning and confidence as chosen; items without an option letter counted wrong; the temperature fitted exactly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the study&apos;s released code computes it: 10 equal-width bins, the confidence over the vocabulary, items without an option letter left out (and counted), the temperature from its grid 0.01–9.99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every choice that turns predictions into numbers. Unveil&apos;s and the study&apos;s recipes can give different ECEs and temperatures on the same items; the metrics always say which one they follow (docs/METRICS.md, &quot;Recipes&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rec&amp;ipe:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unveil&apos;s (every item)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The study&apos;s (as published)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::CalibrationSession</name>
    <message>
        <source>Computing the metrics failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading calibration split %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a calibration split before fitting a temperature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitting a temperature on %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing metrics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing bootstrap intervals…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::CompareView</name>
    <message>
        <source>Tick two to four runs on the same items; the first ticked is the reference every other run is compared with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bootstrap resamples of the shared items: more give steadier intervals and take longer (seed 0, so a comparison can be repeated exactly)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the ticked runs on the items they all answered (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the bootstrap; nothing is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A self-contained HTML page of this comparison: diagrams, metrics, verdicts and the commands that reproduce it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resamples:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Runs to compare&lt;/b&gt; (2–4, the first is the reference)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least two runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at most four runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project to compare its runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick two to four runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Comparing %n run(s) with %1 bootstrap resamples…</source>
        <translation>
            <numerusform>Comparing %n run with %1 bootstrap resamples…</numerusform>
            <numerusform>Comparing %n runs with %1 bootstrap resamples…</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not compare: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; nothing was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECE %1 · accuracy %2 % · %3 shared items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 − run %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Verdicts&lt;/b&gt; (paired bootstrap, %1 resamples, %2 % intervals; significant differences in bold in the table):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Tick two to four runs above that answered the same questions — for example one model before and after fine-tuning, or two models on the same test split — and press &lt;b&gt;Compare&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Each run&apos;s reliability diagram appears side by side and overlaid, with a table of every metric and its interval, and a plain verdict on each difference: whether it is larger than chance alone would give.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 · %2 · partial: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 · %2 (partial: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run %1 holds %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partial runs: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Run %1 · %2 · %Ln prediction(s)</source>
        <translation>
            <numerusform>Run %1 · %2 · %Ln prediction</numerusform>
            <numerusform>Run %1 · %2 · %Ln predictions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shared item(s) compared.</source>
        <translation>
            <numerusform>%Ln shared item compared.</numerusform>
            <numerusform>%Ln shared items compared.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>unveil::ui::ConditionList</name>
    <message>
        <source>Tick the conditions to compare with the image as given. A condition already run with the same model, items and prompt is reused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another condition: choose its kind and amount, then Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add this condition to the list, ticked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (the reference)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image as given: every other condition is compared with it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored as “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::ConditionPicker</name>
    <message>
        <source>Original image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No image (text only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blank (mean colour)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gaussian noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noise σ, on the 0–1 intensity scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gaussian blur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blur σ, in pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occluding patch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the image area the grey square covers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Greyscale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JPEG re-encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JPEG quality (1 = worst, 100 = best)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::ConfidenceHistogram</name>
    <message>
        <source>Confidence histogram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean confidence %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean confidence after %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean confidence before %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::ConfidenceScatter</name>
    <message>
        <source>Confidence per item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right both ways</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong both ways</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image made it right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image made it wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s); click a point to open the item</source>
        <translation>
            <numerusform>%n item; click a point to open the item</numerusform>
            <numerusform>%n items; click a point to open the item</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;with the image: %2 % (%3)&lt;br&gt;this condition: %4 % (%5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::DatasetBrowser</name>
    <message>
        <source>Search id, question, options…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only items whose id, question or an option contains this text (not case-sensitive) (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show one split only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show one category only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IDK questions only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answerable only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IDK questions cannot be answered from the image or the text: their right answer is the “I don&apos;t know” option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up/Down or J/K move between items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All splits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
    <message>
        <source>Right and wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the items the run answered wrongly, or rightly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidently wrong first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort the run&apos;s wrong answers to the top, the most confident first: the failures that matter most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the chosen bin and show every item again (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Showing the %n item(s) of %1</source>
        <translation>
            <numerusform>Showing the one item of %1</numerusform>
            <numerusform>Showing the %n items of %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the run&apos;s predictions of the items shown now (after the filters) as predictions JSONL or CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the shown predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predictions JSONL (*.jsonl);;CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the items whose run confidence lies in this range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run is shown next to the items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: writing failed (disk full?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing %1 of the dataset&apos;s %2 items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the run holds %1 of them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::DatasetFilterProxy</name>
    <message>
        <source>chosen items</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::DatasetSession</name>
    <message>
        <source>Reading dataset %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::DatasetTableModel</name>
    <message>
        <source>This item has no image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unanswerable question: the right answer is the “I don&apos;t know” option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gold answer given by the dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gold answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A small copy of the item&apos;s image (made in the background)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer the dataset counts as right; unanswerable (IDK) questions are shown in italics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train, calibration, test or idk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The option the run chose (highest probability)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run&apos;s answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether the run&apos;s answer is the gold answer; sort it descending for “confidently wrong first”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model gave no option letter; this counts as a wrong answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %, as the model gave it (before any temperature scaling)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run&apos;s confidence in its answer as the model gave it, before any temperature scaling: the largest option probability</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::DemoSetup</name>
    <message>
        <source>Preparing the demo project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the text-only base model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the multimodal model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the visually fine-tuned model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Going on with the build that stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawing the shapes world</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training %1: epoch %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running %1 on the %2 split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitting temperatures on the calibration split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::DistributionPlot</name>
    <message>
        <source>Share of items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 % of its items (%3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::EmptyStateView</name>
    <message>
        <source>See how far a model&apos;s confidence can be trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a predictions file (JSON Lines: one prediction per line, with logits or probabilities and the right label) to see its reliability diagram, confidence histogram and calibration metrics.&lt;br&gt;&lt;br&gt;Drop a file here, press &lt;b&gt;Ctrl+O&lt;/b&gt;, or open the synthetic example (not a real model).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a predictions JSONL file (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a synthetic example: an over-confident classifier (not a real model), with a calibration split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build the demo project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the three small demo models on the shapes world, run them, and fit a temperature (a few minutes, once; everything stays on this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated on this computer from the share of the build done so far and the time it took; it settles as the build goes on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Preparing the demo project.&lt;/b&gt; Unveil is drawing a small world of shapes, training three small vision-language models on it (a text-only base model, a multimodal model, and the multimodal model after visual fine-tuning), running them, and fitting a temperature. It takes a few minutes, once (the time left, measured as it goes, is below); the project then opens by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimating the time left…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Less than a minute left</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>About %n minute(s) left</source>
        <translation>
            <numerusform>About %n minute left</numerusform>
            <numerusform>About %n minutes left</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop building the demo; the next start goes on from where it stopped (nothing half-made is opened)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::IdkPromptList</name>
    <message>
        <source>The model&apos;s own prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inviting “I don&apos;t know” %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the prompts to compare; the first ticked is the reference the others are compared with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the selected prompt&apos;s words, to read or change them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A prompt of your own, starting from the study&apos;s words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected prompt of your own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the model card&apos;s own prompt: the study&apos;s words)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prompt&apos;s words: {image}, {hint}, {question} and {options} are filled in per item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model card&apos;s own prompt (the study&apos;s words)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (the reference)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your prompt %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::IdkView</name>
    <message>
        <source>The unanswerable questions (their right answer is the “I don&apos;t know” option)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run (or reuse) each prompt on the IDK split and on the test split, then compare the prompts (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after the batch in hand; finished runs are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt line %1 needs a name, a colon and the template: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project with a dataset and a model first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 of %2: prompt %3 on %4 (%5) — %6/%7 items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admits “I don&apos;t know”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence of answers it should not give</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Says “I don&apos;t know” wrongly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy (answerable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change in admitting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change in accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the IDK split: the share of questions the model answered with the “I don&apos;t know” option (higher is better)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the IDK split: the mean confidence of the answers it gave instead of admitting it cannot know (lower is better)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On answerable questions offering an “I don&apos;t know” option: how often the model chose it (lower is better)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Percentage points against the first prompt, with the 95 % paired-bootstrap interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) given</source>
        <translation>
            <numerusform>%n answer given</numerusform>
            <numerusform>%n answers given</numerusform>
        </translation>
    </message>
    <message>
        <source>reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Verdicts&lt;/b&gt; (paired bootstrap, %1 resamples):</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n prompt(s) in %1 s.</source>
        <translation>
            <numerusform>%n prompt in %1 s.</numerusform>
            <numerusform>%n prompts in %1 s.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Prompts&lt;/b&gt; (the first ticked is the reference)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name “%1” is used twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model card&apos;s own prompt (the study&apos;s words)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The “I don&apos;t know” rate on the unanswerable questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy on the answerable questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no unanswerable question was answered under both prompts, no comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no answerable question was answered under both prompts, no comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 under %2 differs from %3 by %4 (no interval: no bootstrap was asked for)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 admits not knowing more often</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is more accurate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 admits not knowing less often</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is less accurate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a significant difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be compared on the unanswerable questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changes the “I don&apos;t know” rate by %2 (no interval to judge it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 admits not knowing more often (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 admits not knowing less often (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not change significantly how often the model admits not knowing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy on answerable questions cannot be compared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it changes accuracy on answerable questions by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is more accurate on answerable questions (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at a cost in accuracy on answerable questions (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is less accurate on answerable questions (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with no significant change in accuracy on answerable questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 under %2 differs from %3 by %4 (%5 % interval %6 to %7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; %2 (against %3, %4 % paired bootstrap)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Each ticked prompt is run on the questions no one can answer from the picture, and on answerable ones to see whether it says “I don&apos;t know” wrongly. Runs made before with the same settings are reused.&lt;/p&gt;&lt;p&gt;The page then shows, for each prompt, how often the model admits “I don&apos;t know”, how sure it is of the answers it should not give, and whether each prompt changes that by more than chance alone would.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::ImageViewer</name>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit the image to the window (F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>100%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the image at its actual size (1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out (-, or Ctrl+wheel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in (+, or Ctrl+wheel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale of the image on screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No item selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::ItemView</name>
    <message>
        <source>Context the dataset gives with the question (MMBench “hint”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ marks the gold answer; ? marks the “I don&apos;t know” option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No item selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an item in the list to see it here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>split %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unanswerable (IDK) question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gold answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“I don&apos;t know” option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer the dataset counts as right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choosing this option admits that the question cannot be answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The condition Run uses, previewed: the image as a run under this condition gives it to the model (the seed is fixed, so the preview is what the run sees)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::MainWindow</name>
    <message>
        <source>Predictions (*.jsonl *.json *.ndjson);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unveil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a predictions JSONL file to analyse (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the synthetic example (not a real model): a test split and a calibration split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load &amp;calibration split…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a second predictions file, from the same model on other items, to fit a temperature on (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export reliability diagram…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the reliability diagram as PNG, SVG or PDF (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export confidence &amp;histogram…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the confidence histogram as PNG, SVG or PDF (Ctrl+Shift+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Calibration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit temperature scaling on the calibration split and show before/after (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the model&apos;s own confidences only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Unveil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load calibration split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready · ECE %1 · accuracy %2 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after temperature scaling: ECE %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a calibration split (Ctrl+L) to fit a temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Ctrl+T to fit a temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not complete the last step: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error — see the message at the top of the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Unveil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Unveil %1&lt;/h3&gt;&lt;p&gt;A workbench for the calibration of multimodal language models: how far can a model&apos;s confidence be trusted?&lt;/p&gt;&lt;p&gt;Based on “Unveiling Uncertainty: A Deep Dive into Calibration and Performance of Multimodal Large Language Models” (COLING 2025).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reliability diagram, confidence histogram and metrics (Ctrl+1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items of the dataset that could not be read, and why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project&apos;s runs; choose one to see its diagrams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datasets (*.json *.jsonl *.tsv);;LLaVA conversations (*.json);;LLaVA questions (*.jsonl);;MMBench (*.tsv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse the dataset&apos;s items, images and options (Ctrl+2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n item(s) skipped — &lt;a href=&quot;show&quot;&gt;show&lt;/a&gt;</source>
        <translation>
            <numerusform>⚠ %n item skipped — &lt;a href=&quot;show&quot;&gt;show&lt;/a&gt;</numerusform>
            <numerusform>⚠ %n items skipped — &lt;a href=&quot;show&quot;&gt;show&lt;/a&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>[read-only]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse a dataset&apos;s items and images: LLaVA conversation JSON, LLaVA questions JSONL or MMBench TSV (Ctrl+D). Files can be dropped on the window too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Calibration page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the reliability diagram, histogram and metrics (Ctrl+1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dataset page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the dataset browser and the item view (Ctrl+2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the items the dataset import skipped (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model cards (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the project&apos;s runs (Ctrl+Shift+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a model over a dataset split of the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the demo project: %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo project could not be built: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The items of a bin can be listed for the runs of a project, whose dataset is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confidence %1 (histogram)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confidence %1 (reliability diagram: accuracy %2 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running %1: %2 of %3 items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open demo pro&amp;ject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo project: three small models trained here on the shapes world, their runs and temperatures (built the first time, about a minute and a half)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume chosen run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue the cancelled or interrupted run chosen in the runs panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel batch run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the batch run after the batch in hand; what is stored stays (Ctrl+.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the panel that runs a model over a dataset split</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved %n prediction(s) to %1</source>
        <translation>
            <numerusform>Saved %n prediction to %1</numerusform>
            <numerusform>Saved %n predictions to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The items can be listed for the runs of a project, whose dataset is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answered %1 % (confidence ≥ %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove temperature T = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None stored for the shown run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove T = %1 (fitted on %2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature T = %1 stored with run %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stored temperatures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The temperatures fitted for the shown run and stored in the project; remove one here (Edit ▸ Undo puts it back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session &amp;log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened in this session: messages, errors and finished jobs, with their times (to copy into a bug report)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The open project&apos;s datasets, models and runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The confidence histogram and the risk–coverage curve of the shown predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy, calibration errors and their intervals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The browser&apos;s current item: image, question, options and Run now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 offered to Run now and New run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report was not written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A report is written for a run of the open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A report is being written; try again in a moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item %1 is not in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analyses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare runs, and text versus image uncertainty (Ctrl+3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write &amp;report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language, light or dark look, binning, bootstrap and the defaults of new runs (Ctrl+,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Analyses page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare runs, and text versus image uncertainty, on the open project (Ctrl+3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset &amp;layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put every panel back where it was at the first start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The best prompt is in the New run panel; choose the split and press Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presentation mode tells the demo project&apos;s story: open it first (File ▸ Open demo project)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full screen, large type: the demo&apos;s story — calibration, the over-confident model, the questions it cannot know, temperature scaling — step by step with the arrow keys (F5; Esc leaves)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF report (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the report in the desktop&apos;s viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confidence %1 after scaling (histogram, T = %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (partial: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A self-contained HTML report of the shown run for readers who have never seen the tool: diagrams, metrics with intervals, the temperature, the worst failures with their images and how to reproduce it (Ctrl+Shift+W)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a model card (JSON next to its TorchScript file, or a server&apos;s card) to run items with (Ctrl+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;server model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A model served by vLLM, SGLang, llama.cpp or unveil-cli serve through the OpenAI API: its URL, its model id and the variable that holds its key (Ctrl+Shift+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the New run panel: choose the model, the items and the condition, then Start (Ctrl+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reading the diagrams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the reliability diagram, the histogram, temperature scaling and the numbers say, in plain words, with examples (F1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo build was stopped. Open a file, or build the demo another time: it goes on from where it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open predictions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open synthetic &amp;example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open example</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::MessageBanner</name>
    <message>
        <source>Dismiss this message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::MetricsPanel</name>
    <message>
        <source>Hover over a metric to see what it means.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature scaling divides the model&apos;s scores by one number T, fitted on a separate calibration split. T &gt; 1 softens over-confident answers, T &lt; 1 sharpens under-confident ones; which answer is chosen never changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T ≈ 1: the model was already calibrated on this split; scaling changed (almost) nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The best temperature lies at the edge of the search range; treat it with care.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T &gt; 1: the model was over-confident on this split; scaling softens its confidence and never changes an answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T &lt; 1: the model was under-confident on this split; scaling sharpens its confidence and never changes an answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Temperature scaling&lt;/b&gt; · not fitted. Load a calibration split (Ctrl+L) and fit a temperature (Ctrl+T) to compare before and after.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Temperature scaling&lt;/b&gt; · T = %1, fitted on %2 (%Ln prediction(s)).</source>
        <translation>
            <numerusform>&lt;b&gt;Temperature scaling&lt;/b&gt; · T = %1, fitted on %2 (%Ln prediction).</numerusform>
            <numerusform>&lt;b&gt;Temperature scaling&lt;/b&gt; · T = %1, fitted on %2 (%Ln predictions).</numerusform>
        </translation>
    </message>
    <message>
        <source>T = %1 exactly. The fit minimises the negative log-likelihood (NLL) of the right answers on the calibration split: %2 before, %3 after (lower is better).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::MetricsTableModel</name>
    <message>
        <source>Predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many predictions were analysed. With few predictions every number below is uncertain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The share of predictions that are right. Temperature scaling never changes it: it changes how sure the model says it is, not which answer it picks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How sure the model is of its chosen answers, on average. Above the accuracy means over-confident; below it, under-confident.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum calibration error: the largest gap between confidence and accuracy in any single bin. It shows the worst case, and small bins can make it jumpy. 0 is perfect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RMS calibration error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root-mean-square calibration error: like ECE, but large gaps count more than small ones. 0 is perfect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adaptive calibration error: ECE computed with bins that each hold the same number of predictions, so that nearly empty bins cannot distort it. 0 is perfect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brier score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mean squared difference between the predicted probabilities and the truth (1 for the right option, 0 for the others). It rewards answers that are both right and honestly confident. 0 is perfect, 2 is the worst.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NLL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negative log-likelihood: how surprised the model is by the right answer, on average. Confident mistakes are punished hard. Lower is better; temperature scaling minimises it on the calibration split.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUROC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How well confidence separates right from wrong answers: the chance that a random right answer has a higher confidence than a random wrong one. 0.5 is no better than a coin, 1 is perfect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undefined here: every prediction is right, or every one is wrong, so there is nothing to separate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AURC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area under the risk–coverage curve: the error rate when only the most confident predictions are kept, averaged over every cut-off. Lower is better: the answers the model is surest of should be the right ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“I don&apos;t know” rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The share of predictions that chose the “I don&apos;t know” option instead of an answer. On questions that cannot be answered, that is the right choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many predictions gave an answer rather than “I don&apos;t know”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undefined here: the model answered no question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy (answered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy on the predictions that gave an answer, leaving out “I don&apos;t know”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECE (answered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected calibration error on the predictions that gave an answer, leaving out “I don&apos;t know”. 0 is perfect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After temperature scaling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In brackets: the %1 % bootstrap interval — the range the value would likely take on another sample of items like these (%2 resamples of the items, seed %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unanswered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predictions in which the model gave no option letter. They are left out of every number below (the study&apos;s choice), so those numbers describe only the questions it answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predictions in which the model gave no option letter. They count as wrong answers in every number below, with the confidence of the model&apos;s top option.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected calibration error: the average gap between how confident the model is and how often it is right, weighted by how many predictions fall in each confidence bin, in percentage points: 10 points means that confidence and accuracy are, on average, 10 points of 100 apart. 0 is perfect.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::ModalityView</name>
    <message>
        <source>Run analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make (or reuse) a run per condition and compare them (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after the batch in hand; the runs made so far are kept and resume next time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which per-item value the distributions show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The condition plotted against the reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Distribution of&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Per item, with the image against&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project with a dataset and a model first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project is read-only: the analysis needs to store its runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition %1 of %2: %3 — %4 %5/%6 items, %7 items/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image made right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image made wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong under this condition, right with the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right under this condition, wrong with the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>−Σ p ln p over the options, in nats: 0 is certain, ln K is a uniform guess</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n condition(s) on %1 items of %2/%3 in %4 s.</source>
        <translation>
            <numerusform>%n condition on %1 items of %2/%3 in %4 s.</numerusform>
            <numerusform>%n conditions on %1 items of %2/%3 in %4 s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Entropy by condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence by condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model reads no images (its card lists only text): under every condition it sees the same input. Choose a model that reads images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one condition to compare with the image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored as “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entropy (0 = certain, higher = more spread)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::OverlaidReliability</name>
    <message>
        <source>Reliability, overlaid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perfect calibration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: confidence %2–%3, accuracy %4 % (%5 items)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::PlotView</name>
    <message>
        <source>Export as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to list these items; drag across bins for a range</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::PresentationWindow</name>
    <message>
        <source>Unveil — presentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2   ·   → or Space: next   ← : back   Esc: leave</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::ProbabilityBars</name>
    <message>
        <source>%1. %2: probability %3 % among the options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s answer (the first option letter it generated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer the dataset counts as right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The “I don&apos;t know” option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Run (Ctrl+R) to see the model&apos;s answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::ProblemsModel</name>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::ProblemsPanel</name>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected problems as text (Ctrl+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy every problem as text, one per line, to paste into a report or an issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems: every item was read</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) skipped</source>
        <translation>
            <numerusform>%n item skipped</numerusform>
            <numerusform>%n items skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>unveil::ui::ProjectActions</name>
    <message>
        <source>Unveil projects (*.unveil);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create an empty project file (*.unveil) to keep runs and datasets in (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project file (*.unveil) and list its runs (Ctrl+Shift+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save project &amp;as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a consistent copy of the project under a new name, even while it is in use, and continue on the copy (Ctrl+Shift+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;predictions to project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the opened predictions (and their calibration split) in the project as runs (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import dataset into project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the dataset open in the browser, with its items, to the project (Ctrl+Shift+I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop working on the project; it stays on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the recently opened files; the files stay on disk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::ProjectSession</name>
    <message>
        <source>Opening project %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating project %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or create a project first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the project already open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving a copy as %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the runs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving predictions to the project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing the dataset into the project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading run %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is read-only: calibrations cannot be changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the stored temperatures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating the stored temperatures…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::ProjectTree</name>
    <message>
        <source>No project open. File ▸ Open project… or build the demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no split)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
Splits — %2
Double-click to browse its items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Double-click to offer it to Run now and New run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
The model card is no longer at this path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A click on a run shows its diagrams. Double-click or press Enter: a dataset opens in the browser, a model is offered to Run now and New run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acc %1 % · ECE %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Run %1: %2 · %Ln prediction(s)
Click to show its diagrams</source>
        <translation>
            <numerusform>Run %1: %2 · %Ln prediction
Click to show its diagrams</numerusform>
            <numerusform>Run %1: %2 · %Ln predictions
Click to show its diagrams</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>unveil::ui::PromptPicker</name>
    <message>
        <source>The study&apos;s prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inviting “I don&apos;t know” %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the question is put to the model; “Wording” shows the words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the prompt&apos;s words, to read or change them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prompt&apos;s words: {image}, {hint}, {question} and {options} are filled in per item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own wording</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::PromptSearchChart</name>
    <message>
        <source>Best prompt per round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy of the best</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its ECE (right axis)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Round %1&lt;/b&gt;&lt;br&gt;best: “%2”&lt;br&gt;accuracy %3 %, ECE %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECE (percentage points)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::PromptSearchView</name>
    <message>
        <source>The seed suffixes the search starts from, separated by “;” — each replaces the prompt&apos;s closing “Answer:” cue (the study&apos;s seeds by default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the search (Ctrl+Enter); each prompt is a stored run, reused when it was scored before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop; the best prompts found so far are kept and stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the best prompt for a new run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the best prompt&apos;s template into the New run panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searches stored in the project; choose one to see it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt suffix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Top prompts&lt;/b&gt; (accuracy band, then ECE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made from “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project with a dataset and a model first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give at least one seed suffix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round %1 of %2: %3 of %4 prompts scored — now “%5”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %n round(s); what was found is kept.</source>
        <translation>
            <numerusform>Cancelled after %n round; what was found is kept.</numerusform>
            <numerusform>Cancelled after %n rounds; what was found is kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n round(s) done.</source>
        <translation>
            <numerusform>%n round done.</numerusform>
            <numerusform>%n rounds done.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 prompts scored in %2 s; search %3 is stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a stored search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2/%3 · %4 · best %5 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored search %1 (%2): %3 prompts scored on %4/%5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own wordings, separated by “;” (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suffixes of your own, tried as variants before the built-in paraphrase bank and templates; nothing is fetched from the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many of the best prompts each round keeps (the study&apos;s k: 5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many new wordings each kept prompt gives per round (the study&apos;s m: 5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many rounds the search runs (the study&apos;s n: 10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best kept:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New wordings each:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rounds:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your wordings:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::RecentFiles</name>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::ReliabilityDiagram</name>
    <message>
        <source>Reliability diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perfect calibration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gap: over-confident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gap: under-confident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no predictions in this bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calibrated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean confidence %1 · accuracy %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(confidence %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln prediction(s)</source>
        <translation>
            <numerusform>%Ln prediction</numerusform>
            <numerusform>%Ln predictions</numerusform>
        </translation>
    </message>
    <message>
        <source>95 % interval of accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over-confident by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>under-confident by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95 % interval of accuracy %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::RiskCoveragePlot</name>
    <message>
        <source>Risk–coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage (most confident share answered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk (share wrong)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk of the answered items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answering the %1 most confident items (%2 %, confidence ≥ %3):&lt;br&gt;%4 % of them wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to list these items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All answered: %1 % wrong</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::RunItemPanel</name>
    <message>
        <source>Open model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a model card (JSON) to the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the model on this item under the chosen condition (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence as the study defines it: the answer letter&apos;s probability over the model&apos;s whole vocabulary at the answer step (probability mass on other tokens lowers it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence renormalised over the options: the largest of the bars, i.e. softmax over the option letters&apos; logits only (what calibration metrics and temperature scaling use)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model loaded in %1 ms on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the model: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an item first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence over the vocabulary: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (no answer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renormalised over the options: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No option letter within the model&apos;s token budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature applied to the option letters&apos; logits before the softmax (1: the model&apos;s own probabilities). Changing it redraws the bars at once: the answer never changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entropy of the option probabilities, −Σ p ln p, in nats: 0 when one option has all the probability, ln K when all K options are equally likely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renormalised over the options at T = %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entropy: %1 nats (at most %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model to run (Models ▸ Open model… adds a model card)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model yet: Models ▸ Open model… adds a model card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: below the server&apos;s top log-probabilities (upper bounds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model wrote: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::RunSetup</name>
    <message>
        <source>A dataset of the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The items to use: one split of the dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 items)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model to run (Models ▸ Open model… adds one)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::RunsPanel</name>
    <message>
        <source>Choose a run to show its reliability diagram, histogram and metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project open — File ▸ New project… or Open project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dataset(s)</source>
        <translation>
            <numerusform>%n dataset</numerusform>
            <numerusform>%n datasets</numerusform>
        </translation>
    </message>
    <message>
        <source>Read-only: nothing can be saved to this project</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::RunsTableModel</name>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1, finished %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No predictions to measure yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(imported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the images were given: with the image, without it, blank, perturbed, or imported from a predictions file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of predictions in the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of items whose most likely option is the right one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected calibration error: the average gap between confidence and accuracy, over 10 equal-width bins (0 = perfectly calibrated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 items · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored as “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::SavePredictionsDialog</name>
    <message>
        <source>Save predictions to project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dataset the predictions belong to. An existing dataset of the project must hold every prediction id; a new name creates a dataset from the ids.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name for the run, e.g. the model and the prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dataset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (calibration)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calibration split is saved too, as the run “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::ServerModelDialog</name>
    <message>
        <source>Add server model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s OpenAI-compatible API root, ending in /v1 (vLLM, SGLang, llama.cpp&apos;s llama-server, unveil-cli serve)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s model id, as GET /v1/models lists it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;List models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the server which models it serves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name runs and reports show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The environment variable that holds the API key, if the server wants one. The key itself is never written to a card, a project or a report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests in flight at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alternatives asked for at each generated token. An option letter outside them gets an upper bound and is flagged. OpenAI allows 20; vLLM up to its --max-logprobs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key variable:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests in &amp;flight:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Top log-probabilities:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test scores one question with two options through the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score one question through the server and show its answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the server&apos;s URL and the model&apos;s id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking %1 for its models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The server lists %n models.</source>
        <translation>
            <numerusform>The server lists %n model.</numerusform>
            <numerusform>The server lists %n models.</numerusform>
        </translation>
    </message>
    <message>
        <source>Scoring one question through %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::SessionLog</name>
    <message>
        <source>Session log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the session log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language of the interface. System takes the desktop&apos;s language when Unveil has it, English otherwise. Unveil changes language at its next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light or dark windows and plots. System follows the desktop&apos;s choice, also when it changes while Unveil runs; Light and Dark keep to one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many confidence bins the reliability diagram and ECE use (the study uses 10). The tool bar changes it too; the last choice is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equal width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equal mass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equal width: every bin covers the same confidence range. Equal mass: every bin holds the same number of predictions, so no bin is nearly empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many times the items are resampled for the 95 % intervals of the metrics panel. More resamples give steadier intervals and take longer on large runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bins:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bi&amp;nning:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bootstrap &amp;resamples:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where models run: Automatic takes the GPU when this build of libtorch has CUDA and a GPU is present. Used by the New run panel, and by Run now for models loaded from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items a batch run sends through the model at once. Larger batches are faster on a GPU and need more memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch si&amp;ze:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the default of every setting in the fields; OK saves them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and apply the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without changing anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UNVEIL_LANG=%1 is set in the environment and comes first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes effect at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::StoredRunBars</name>
    <message>
        <source>The shown run did not answer this item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another run of the project on this dataset, to see its answer to the same item beside the shown run&apos;s (a model before and after fine-tuning, with and without the image…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a run to compare with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No second run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That run did not answer this item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Stored answer&lt;/b&gt; of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Stored answer&lt;/b&gt; — show a run of this dataset to see it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer %1 · %2 · confidence %3, as the model gave it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence %1 % before any temperature scaling. Entropy of the option probabilities: %2 nats (0 when all the probability is on one option).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unveil::ui::WorkspaceView</name>
    <message numerus="yes">
        <source>%n equal-width bin(s)</source>
        <translation>
            <numerusform>%n equal-width bin</numerusform>
            <numerusform>%n equal-width bins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n equal-mass bin(s)</source>
        <translation>
            <numerusform>%n equal-mass bin</numerusform>
            <numerusform>%n equal-mass bins</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before scaling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After scaling (T = %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synthetic example (not a real model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These predictions were generated by scripts/make_example_predictions.py: an over-confident five-option classifier with an “I don&apos;t know” option. They show what the workbench does; they say nothing about any real model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln invalid line(s) skipped</source>
        <translation>
            <numerusform>%Ln invalid line skipped</numerusform>
            <numerusform>%Ln invalid lines skipped</numerusform>
        </translation>
    </message>
    <message>
        <source>Confidence histogram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk–coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many predictions fall at each confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often the answers are wrong when only the most confident share is answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AURC %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How sure the model says it is on average (mean confidence) against how often it is right (accuracy), from the metrics panel. A well-calibrated model&apos;s two numbers agree; ECE averages the same gap bin by bin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the study&apos;s recipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 predictions (unanswered left out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partial run: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
