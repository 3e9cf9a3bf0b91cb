// The samples lmms-eval writes with --log_samples (github.com/EvolvingLMMs-Lab/lmms-eval,
// lmms_eval/loggers/evaluation_tracker.py): one JSON object per line, with "doc_id", "target" and
// the model's responses in "resps" / "filtered_resps"; older versions wrote one JSON file with the
// samples in "logs". A multiple-choice sample (output_type multiple_choice) holds one
// loglikelihood request per choice and becomes one prediction (docs/FORMATS.md).
#pragma once

#include <string>
#include <string_view>

#include "calib/prediction_formats.h"

namespace unveil::calib {

/// True when the start of a file looks like lmms-eval samples: a first object with "doc_id" and
/// "resps" or "filtered_resps", or a JSON object with "logs".
bool sniff_lmms_eval(std::string_view head);

/// Reads lmms-eval samples. Each multiple-choice sample becomes a prediction with one logit per
/// choice: the negated value lmms-eval records for the choice (its models return the mean token
/// cross-entropy of the continuation, a loss, and lmms-eval picks the smallest), so the answer is
/// the argmax as lmms-eval's. The label comes from "target": an index, a letter, or a choice's
/// text when the sample keeps its choices. generate_until samples hold no probabilities: the file
/// is refused, saying so. On failure (without skip_invalid) the error reads "NAME:LINE: ...".
Result<PredictionSet> parse_lmms_eval_samples(std::string_view text, const std::string& name,
                                              const JsonlReadOptions& options = {},
                                              JsonlReadReport* report = nullptr,
                                              PredictionSource* source = nullptr);

}  // namespace unveil::calib
