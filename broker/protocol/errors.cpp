// Names, descriptions and retriability of Kafka error codes.
#include "errors.h"

#include <array>
#include <string>

namespace kastle::protocol {
namespace {

struct ErrorInfo
{
    int16_t code;
    std::string_view name;
    std::string_view description;
    bool retriable;
};

constexpr std::array kErrors{
    ErrorInfo{-1, "UNKNOWN_SERVER_ERROR", "The server hit an unexpected error.", false},
    ErrorInfo{0, "NONE", "Success.", false},
    ErrorInfo{1, "OFFSET_OUT_OF_RANGE", "The requested offset is outside the partition's log.", false},
    ErrorInfo{2, "CORRUPT_MESSAGE", "A record failed its CRC check or is otherwise malformed.", true},
    ErrorInfo{3, "UNKNOWN_TOPIC_OR_PARTITION", "This server does not host this topic or partition.", true},
    ErrorInfo{4, "INVALID_FETCH_SIZE", "The requested fetch size is invalid.", false},
    ErrorInfo{5, "LEADER_NOT_AVAILABLE", "The partition has no leader right now.", true},
    ErrorInfo{6, "NOT_LEADER_OR_FOLLOWER", "This broker is not the leader or a follower of the partition.", true},
    ErrorInfo{7, "REQUEST_TIMED_OUT", "The request timed out.", true},
    ErrorInfo{8, "BROKER_NOT_AVAILABLE", "The broker is not available.", false},
    ErrorInfo{9, "REPLICA_NOT_AVAILABLE", "The replica is not available for the partition.", true},
    ErrorInfo{10, "MESSAGE_TOO_LARGE", "The request holds a record batch larger than the topic allows.", false},
    ErrorInfo{11, "STALE_CONTROLLER_EPOCH", "The controller moved to another broker.", false},
    ErrorInfo{12, "OFFSET_METADATA_TOO_LARGE", "The metadata of the committed offset is too large.", false},
    ErrorInfo{13, "NETWORK_EXCEPTION", "The server disconnected before a response arrived.", true},
    ErrorInfo{14, "COORDINATOR_LOAD_IN_PROGRESS", "The coordinator is still loading its state.", true},
    ErrorInfo{15, "COORDINATOR_NOT_AVAILABLE", "The coordinator is not available.", true},
    ErrorInfo{16, "NOT_COORDINATOR", "This broker is not the coordinator for the group.", true},
    ErrorInfo{17, "INVALID_TOPIC_EXCEPTION", "The topic name is invalid or the topic is internal.", false},
    ErrorInfo{18, "RECORD_LIST_TOO_LARGE", "The record batch is larger than the maximum segment size.", false},
    ErrorInfo{19, "NOT_ENOUGH_REPLICAS", "There are fewer in-sync replicas than min.insync.replicas.", true},
    ErrorInfo{20, "NOT_ENOUGH_REPLICAS_AFTER_APPEND", "The records were written to fewer replicas than required.", true},
    ErrorInfo{21, "INVALID_REQUIRED_ACKS", "The acks value is not -1, 0 or 1.", false},
    ErrorInfo{22, "ILLEGAL_GENERATION", "The group generation is out of date.", false},
    ErrorInfo{23, "INCONSISTENT_GROUP_PROTOCOL", "The member's protocol type or protocols do not match the group's.", false},
    ErrorInfo{24, "INVALID_GROUP_ID", "The group id is empty or invalid.", false},
    ErrorInfo{25, "UNKNOWN_MEMBER_ID", "The coordinator does not know this member.", false},
    ErrorInfo{26, "INVALID_SESSION_TIMEOUT", "The session timeout is outside the allowed range.", false},
    ErrorInfo{27, "REBALANCE_IN_PROGRESS", "The group is rebalancing; rejoin it.", false},
    ErrorInfo{28, "INVALID_COMMIT_OFFSET_SIZE", "The offset commit was rejected because of its size.", false},
    ErrorInfo{29, "TOPIC_AUTHORIZATION_FAILED", "Not authorized to access the topic.", false},
    ErrorInfo{30, "GROUP_AUTHORIZATION_FAILED", "Not authorized to access the group.", false},
    ErrorInfo{31, "CLUSTER_AUTHORIZATION_FAILED", "Not authorized for this cluster operation.", false},
    ErrorInfo{32, "INVALID_TIMESTAMP", "The record timestamp is out of the acceptable range.", false},
    ErrorInfo{33, "UNSUPPORTED_SASL_MECHANISM", "The broker does not support this SASL mechanism.", false},
    ErrorInfo{34, "ILLEGAL_SASL_STATE", "This request is not valid in the current SASL state.", false},
    ErrorInfo{35, "UNSUPPORTED_VERSION", "The broker does not support this request version.", false},
    ErrorInfo{36, "TOPIC_ALREADY_EXISTS", "A topic with this name already exists.", false},
    ErrorInfo{37, "INVALID_PARTITIONS", "The number of partitions is invalid.", false},
    ErrorInfo{38, "INVALID_REPLICATION_FACTOR", "The replication factor is invalid.", false},
    ErrorInfo{39, "INVALID_REPLICA_ASSIGNMENT", "The replica assignment is invalid.", false},
    ErrorInfo{40, "INVALID_CONFIG", "A configuration is invalid.", false},
    ErrorInfo{41, "NOT_CONTROLLER", "This broker is not the controller.", true},
    ErrorInfo{42, "INVALID_REQUEST", "The request is malformed or violates the protocol.", false},
    ErrorInfo{43, "UNSUPPORTED_FOR_MESSAGE_FORMAT", "The message format does not support this request.", false},
    ErrorInfo{44, "POLICY_VIOLATION", "The request parameters violate the broker's policy.", false},
    ErrorInfo{45, "OUT_OF_ORDER_SEQUENCE_NUMBER", "The producer's sequence number does not follow the last one.", false},
    ErrorInfo{46, "DUPLICATE_SEQUENCE_NUMBER", "The broker already has a batch with this sequence number.", false},
    ErrorInfo{47, "INVALID_PRODUCER_EPOCH", "The producer epoch is older than the current one.", false},
    ErrorInfo{48, "INVALID_TXN_STATE", "The transaction is in a state that does not allow this.", false},
    ErrorInfo{49, "INVALID_PRODUCER_ID_MAPPING", "The producer id does not match the transactional id.", false},
    ErrorInfo{50, "INVALID_TRANSACTION_TIMEOUT", "The transaction timeout is larger than the broker allows.", false},
    ErrorInfo{51, "CONCURRENT_TRANSACTIONS", "Another transaction operation is in progress.", true},
    ErrorInfo{52, "TRANSACTION_COORDINATOR_FENCED", "A newer transaction coordinator took over.", false},
    ErrorInfo{53, "TRANSACTIONAL_ID_AUTHORIZATION_FAILED", "Not authorized for this transactional id.", false},
    ErrorInfo{54, "SECURITY_DISABLED", "Security features are disabled on this broker.", false},
    ErrorInfo{55, "OPERATION_NOT_ATTEMPTED", "The broker did not attempt this operation.", false},
    ErrorInfo{56, "KAFKA_STORAGE_ERROR", "The broker could not read or write its log directory.", true},
    ErrorInfo{57, "LOG_DIR_NOT_FOUND", "The log directory does not exist.", false},
    ErrorInfo{58, "SASL_AUTHENTICATION_FAILED", "SASL authentication failed.", false},
    ErrorInfo{59, "UNKNOWN_PRODUCER_ID", "The broker has no state for this producer id.", false},
    ErrorInfo{60, "REASSIGNMENT_IN_PROGRESS", "A partition reassignment is in progress.", false},
    ErrorInfo{61, "DELEGATION_TOKEN_AUTH_DISABLED", "Delegation tokens are disabled.", false},
    ErrorInfo{62, "DELEGATION_TOKEN_NOT_FOUND", "The delegation token was not found.", false},
    ErrorInfo{63, "DELEGATION_TOKEN_OWNER_MISMATCH", "The delegation token belongs to someone else.", false},
    ErrorInfo{64, "DELEGATION_TOKEN_REQUEST_NOT_ALLOWED", "Delegation token requests are not allowed here.", false},
    ErrorInfo{65, "DELEGATION_TOKEN_AUTHORIZATION_FAILED", "Not authorized for the delegation token.", false},
    ErrorInfo{66, "DELEGATION_TOKEN_EXPIRED", "The delegation token has expired.", false},
    ErrorInfo{67, "INVALID_PRINCIPAL_TYPE", "The principal type is not supported.", false},
    ErrorInfo{68, "NON_EMPTY_GROUP", "The group still has active members.", false},
    ErrorInfo{69, "GROUP_ID_NOT_FOUND", "The group does not exist.", false},
    ErrorInfo{70, "FETCH_SESSION_ID_NOT_FOUND", "The fetch session was not found.", true},
    ErrorInfo{71, "INVALID_FETCH_SESSION_EPOCH", "The fetch session epoch is invalid.", true},
    ErrorInfo{72, "LISTENER_NOT_FOUND", "The leader has no listener with this name.", true},
    ErrorInfo{73, "TOPIC_DELETION_DISABLED", "Topic deletion is disabled.", false},
    ErrorInfo{74, "FENCED_LEADER_EPOCH", "The leader epoch in the request is older than the broker's.", true},
    ErrorInfo{75, "UNKNOWN_LEADER_EPOCH", "The leader epoch in the request is newer than the broker's.", true},
    ErrorInfo{76, "UNSUPPORTED_COMPRESSION_TYPE", "The client version does not support this compression.", false},
    ErrorInfo{77, "STALE_BROKER_EPOCH", "The broker epoch has changed.", false},
    ErrorInfo{78, "OFFSET_NOT_AVAILABLE", "The leader's high watermark has not caught up yet.", true},
    ErrorInfo{79, "MEMBER_ID_REQUIRED", "Join again with the member id the coordinator gave.", false},
    ErrorInfo{80, "PREFERRED_LEADER_NOT_AVAILABLE", "The preferred leader is not available.", true},
    ErrorInfo{81, "GROUP_MAX_SIZE_REACHED", "The group has reached its maximum size.", false},
    ErrorInfo{82, "FENCED_INSTANCE_ID", "Another member with this group.instance.id took over.", false},
    ErrorInfo{83, "ELIGIBLE_LEADERS_NOT_AVAILABLE", "No eligible leader is available for the election.", true},
    ErrorInfo{84, "ELECTION_NOT_NEEDED", "The preferred leader already leads the partition.", true},
    ErrorInfo{85, "NO_REASSIGNMENT_IN_PROGRESS", "No reassignment is in progress for the partition.", false},
    ErrorInfo{86, "GROUP_SUBSCRIBED_TO_TOPIC", "The group is still subscribed to the topic.", false},
    ErrorInfo{87, "INVALID_RECORD", "A record failed the broker's validation.", false},
    ErrorInfo{88, "UNSTABLE_OFFSET_COMMIT", "There are unstable offsets to wait for.", true},
    ErrorInfo{89, "THROTTLING_QUOTA_EXCEEDED", "The throttling quota was exceeded.", true},
    ErrorInfo{90, "PRODUCER_FENCED", "A newer producer with the same transactional id exists.", false},
    ErrorInfo{91, "RESOURCE_NOT_FOUND", "The resource does not exist.", false},
    ErrorInfo{92, "DUPLICATE_RESOURCE", "The resource appears more than once in the request.", false},
    ErrorInfo{93, "UNACCEPTABLE_CREDENTIAL", "The credential does not meet the broker's requirements.", false},
    ErrorInfo{94, "INCONSISTENT_VOTER_SET", "The voter set is inconsistent.", false},
    ErrorInfo{95, "INVALID_UPDATE_VERSION", "The update version is invalid.", false},
    ErrorInfo{96, "FEATURE_UPDATE_FAILED", "The feature update failed.", false},
    ErrorInfo{97, "PRINCIPAL_DESERIALIZATION_FAILURE", "The principal could not be deserialized.", false},
    ErrorInfo{98, "SNAPSHOT_NOT_FOUND", "The snapshot was not found.", false},
    ErrorInfo{99, "POSITION_OUT_OF_RANGE", "The position is out of range.", false},
    ErrorInfo{100, "UNKNOWN_TOPIC_ID", "This server does not host a topic with this id.", true},
    ErrorInfo{101, "DUPLICATE_BROKER_REGISTRATION", "The broker registration is a duplicate.", false},
    ErrorInfo{102, "BROKER_ID_NOT_REGISTERED", "The broker id is not registered.", false},
    ErrorInfo{103, "INCONSISTENT_TOPIC_ID", "The topic id does not match the topic name.", true},
    ErrorInfo{104, "INCONSISTENT_CLUSTER_ID", "The cluster id does not match.", false},
    ErrorInfo{105, "TRANSACTIONAL_ID_NOT_FOUND", "The transactional id was not found.", false},
    ErrorInfo{106, "FETCH_SESSION_TOPIC_ID_ERROR", "The fetch session's topic ids are inconsistent.", true},
    ErrorInfo{107, "INELIGIBLE_REPLICA", "The replica cannot join the ISR.", false},
    ErrorInfo{108, "NEW_LEADER_ELECTED", "A new leader was elected for the partition.", false},
};

const ErrorInfo *find(int16_t code)
{
    const int index = code + 1; // the table is dense from -1
    if (index < 0 || index >= static_cast<int>(kErrors.size()))
        return nullptr;
    return &kErrors[static_cast<size_t>(index)];
}

} // namespace

std::string_view errorName(int16_t code)
{
    if (const auto *e = find(code))
        return e->name;
    thread_local std::string unknown;
    unknown = "ERROR_CODE(" + std::to_string(code) + ")";
    return unknown;
}

std::string_view errorDescription(int16_t code)
{
    if (const auto *e = find(code))
        return e->description;
    return "An error code this version of Kastle does not know.";
}

bool isRetriable(int16_t code)
{
    const auto *e = find(code);
    return e && e->retriable;
}

} // namespace kastle::protocol
