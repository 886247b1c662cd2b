#!/usr/bin/env bash
# Builds the Lambda jar and deploys the stack: ./deploy.sh SENDER_EMAIL RECIPIENT_EMAIL [more cdk deploy options]
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 SENDER_EMAIL RECIPIENT_EMAIL [--parameters Name=value ...] [other cdk deploy options]" >&2
  exit 2
fi
sender=$1 recipient=$2
shift 2
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests -pl lambda -am install
cd infra
npx --yes "aws-cdk@${CDK_CLI_VERSION:-2.1148.1}" deploy StudentApiStack --require-approval never \
  --parameters "SenderEmail=$sender" --parameters "RecipientEmail=$recipient" "$@"
