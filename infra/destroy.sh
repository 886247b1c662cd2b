#!/usr/bin/env bash
# Empties the stack's two buckets, then deletes the stack: ./destroy.sh
set -euo pipefail
cd "$(dirname "$0")"
stack=StudentApiStack
for logical in DataBackups WebBucket; do
  bucket=$(aws cloudformation describe-stack-resources --stack-name "$stack" \
    --query "StackResources[?starts_with(LogicalResourceId, '$logical')].PhysicalResourceId | [0]" --output text)
  if [ -n "$bucket" ] && [ "$bucket" != "None" ]; then
    aws s3 rm "s3://$bucket" --recursive
  fi
done
npx --yes "aws-cdk@${CDK_CLI_VERSION:-2.1148.1}" destroy "$stack" --force
